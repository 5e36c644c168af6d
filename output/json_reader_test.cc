#include "output/json_reader.h"

#include "gtest/gtest.h"

namespace ttrace {
namespace {

TEST(JsonReaderTest, AcceptsAndRejects) {
  for (const char* good :
       {R"({"a":1,"b":[true,false,null],"c":"x\u00e9\"\\","d":-0.5e+3})",
        R"( {} )", R"("\ud83d\ude00")"}) {
    Json j;
    EXPECT_TRUE(ParseJson(good, &j)) << good;
  }
  for (const char* bad : {R"({"a":1,"a":2})", R"({"a":01})", R"({"a":1,})",
                          "{\"a\":\"\x01\"}", R"({"a":"\ud800"})", R"({a:1})",
                          "{\"a\":\"\xc3\"}", R"({"a":1} x)", R"({"a":.5})"}) {
    Json j;
    EXPECT_FALSE(ParseJson(bad, &j)) << bad;
  }
}

}  // namespace
}  // namespace ttrace
