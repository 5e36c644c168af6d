# bench/chart.awk: an SVG bar chart of wall-time ratios to the untraced run,
# one horizontal bar per (scenario, mode), grouped by scenario, on a log
# scale. Plain POSIX awk (mawk works): no python needed.
#
# Input lines: "SCENARIO MODE RATIO", e.g. "thread_storm ttrace_none 2.31".
# Usage: awk -f bench/chart.awk chart.txt > docs/performance.svg

function color(mode) {
  if (mode ~ /^ttrace/) return "#1f77b4"
  if (mode ~ /^floor/) return "#8c8c8c"
  if (mode ~ /^strace/) return "#ff7f0e"
  if (mode ~ /^perf/) return "#9467bd"
  return "#2ca02c"
}

function x_of(r) {
  if (r < LO) r = LO
  return X0 + (log(r) - log(LO)) / (log(HI) - log(LO)) * (X1 - X0)
}

{
  n++
  sc[n] = $1; mode[n] = $2; ratio[n] = $3 + 0
  if (ratio[n] > max) max = ratio[n]
}

END {
  LO = 0.5
  # HI: the first of 1, 2, 5, 10, 20, 50, ... at or above the largest ratio.
  HI = 1; step = 0
  while (HI < max) { HI *= (step % 3 == 1) ? 2.5 : 2; step++ }
  if (HI < 2) HI = 2
  X0 = 250; X1 = 860; W = 940
  ROW = 16; GROUP = 24; TOP = 60
  # Height: one row per bar, a header per scenario.
  groups = 0
  for (i = 1; i <= n; i++) if (i == 1 || sc[i] != sc[i - 1]) groups++
  H = TOP + n * ROW + groups * GROUP + 40

  printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H
  printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
  printf "<text x=\"%d\" y=\"22\" font-size=\"16\" font-weight=\"bold\">Wall time relative to the untraced run (log scale, lower is better)</text>\n", 10
  # Legend.
  split("ttrace floor strace perf", fam, " ")
  lx = 10
  for (f = 1; f <= 4; f++) {
    printf "<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\"/>", lx, color(fam[f])
    printf "<text x=\"%d\" y=\"45\">%s</text>\n", lx + 16, fam[f]
    lx += 90
  }
  # Grid and ticks.
  bottom = H - 30
  t = 0.5; k = 0
  while (t <= HI * 1.0001) {
    x = x_of(t)
    printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\"/>\n", x, TOP - 6, x, bottom, (t == 1 ? "#000" : "#ddd"), (t == 1 ? "1.5" : "1")
    printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s×</text>\n", x, bottom + 16, t
    t *= (k % 3 == 2) ? 2.5 : 2; k++
  }
  y = TOP
  for (i = 1; i <= n; i++) {
    if (i == 1 || sc[i] != sc[i - 1]) {
      y += GROUP
      printf "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>\n", y - 6, sc[i]
    }
    x = x_of(ratio[i])
    printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", X0 - 8, y + 11, mode[i]
    printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", X0, y + 2, (x > X0 ? x - X0 : 1), ROW - 4, color(mode[i])
    printf "<text x=\"%.1f\" y=\"%d\">%.2f×</text>\n", (x > X0 ? x : X0) + 4, y + 11, ratio[i]
    y += ROW
  }
  printf "</svg>\n"
}
