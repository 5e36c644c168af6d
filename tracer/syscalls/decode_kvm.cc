// KVM ioctls (type 0xae) as strace 6.1 prints them: their names (x86_64's
// table: the generic and x86 ioctls of <linux/kvm.h>, as strace 6.1 names
// them; the s390, PowerPC and ARM ones print as _IOC(...)), and the
// arguments strace decodes: KVM_CREATE_VM and KVM_CREATE_VCPU (a returned
// fd, -y), KVM_CHECK_EXTENSION's capability, KVM_SET_USER_MEMORY_REGION's
// region, KVM_GET/SET_REGS, KVM_GET/SET_SREGS, KVM_SET_CPUID2,
// KVM_GET_SUPPORTED_CPUID and KVM_GET_EMULATED_CPUID; with -e kvm=vcpu,
// KVM_RUN's exit reason after its result.
#include <cstdint>
#include <cstring>
#include <string>

#include "tracer/syscalls/decoding.h"

namespace ttrace {
namespace decode {
namespace {

struct KvmIoctlEntry {
  uint32_t code;
  const char* name;
};

// Sorted by code.
constexpr KvmIoctlEntry kKvmIoctls[] = {
    {0xae00, "KVM_GET_API_VERSION"},
    {0xae01, "KVM_CREATE_VM"},
    {0xae03, "KVM_CHECK_EXTENSION"},
    {0xae04, "KVM_GET_VCPU_MMAP_SIZE"},
    {0xae41, "KVM_CREATE_VCPU"},
    {0xae44, "KVM_SET_NR_MMU_PAGES"},
    {0xae45, "KVM_GET_NR_MMU_PAGES"},
    {0xae47, "KVM_SET_TSS_ADDR"},
    {0xae60, "KVM_CREATE_IRQCHIP"},
    {0xae64, "KVM_CREATE_PIT"},
    {0xae71, "KVM_REINJECT_CONTROL"},
    {0xae78, "KVM_SET_BOOT_CPU_ID"},
    {0xae80, "KVM_RUN"},
    {0xae9a, "KVM_NMI"},
    {0xaea2, "KVM_SET_TSC_KHZ"},
    {0xaea3, "KVM_GET_TSC_KHZ"},
    {0xaead, "KVM_KVMCLOCK_CTRL"},
    {0xaeb7, "KVM_SMI"},
    {0xaec7, "KVM_RESET_DIRTY_RINGS"},
    {0xaece, "KVM_GET_STATS_FD"},
    {0x4004ae86, "KVM_INTERRUPT"},
    {0x4004ae8b, "KVM_SET_SIGNAL_MASK"},
    {0x4004ae99, "KVM_SET_MP_STATE"},
    {0x4008ae48, "KVM_SET_IDENTITY_MAP_ADDR"},
    {0x4008ae61, "KVM_IRQ_LINE"},
    {0x4008ae6a, "KVM_SET_GSI_ROUTING"},
    {0x4008ae73, "KVM_ASSIGN_SET_MSIX_NR"},
    {0x4008ae89, "KVM_SET_MSRS"},
    {0x4008ae8a, "KVM_SET_CPUID"},
    {0x4008ae90, "KVM_SET_CPUID2"},
    {0x4008ae93, "KVM_SET_VAPIC_ADDR"},
    {0x4008ae9c, "KVM_X86_SETUP_MCE"},
    {0x400caed0, "KVM_XEN_HVM_EVTCHN_SEND"},
    {0x4010ae42, "KVM_GET_DIRTY_LOG"},
    {0x4010ae67, "KVM_REGISTER_COALESCED_MMIO"},
    {0x4010ae68, "KVM_UNREGISTER_COALESCED_MMIO"},
    {0x4010ae74, "KVM_ASSIGN_SET_MSIX_ENTRY"},
    {0x4010aeaa, "KVM_DIRTY_TLB"},
    {0x4010aeab, "KVM_GET_ONE_REG"},
    {0x4010aeac, "KVM_SET_ONE_REG"},
    {0x4018ae40, "KVM_SET_MEMORY_REGION"},
    {0x4018aebd, "KVM_HYPERV_EVENTFD"},
    {0x4018aee1, "KVM_SET_DEVICE_ATTR"},
    {0x4018aee2, "KVM_GET_DEVICE_ATTR"},
    {0x4018aee3, "KVM_HAS_DEVICE_ATTR"},
    {0x4020ae43, "KVM_SET_MEMORY_ALIAS"},
    {0x4020ae46, "KVM_SET_USER_MEMORY_REGION"},
    {0x4020ae76, "KVM_IRQFD"},
    {0x4020aea5, "KVM_SIGNAL_MSI"},
    {0x4020aeb2, "KVM_SET_PMU_EVENT_FILTER"},
    {0x4030ae7b, "KVM_SET_CLOCK"},
    {0x4038ae7a, "KVM_XEN_HVM_CONFIG"},
    {0x4040ae70, "KVM_ASSIGN_DEV_IRQ"},
    {0x4040ae72, "KVM_DEASSIGN_PCI_DEVICE"},
    {0x4040ae75, "KVM_DEASSIGN_DEV_IRQ"},
    {0x4040ae77, "KVM_CREATE_PIT2"},
    {0x4040ae79, "KVM_IOEVENTFD"},
    {0x4040ae9e, "KVM_X86_SET_MCE"},
    {0x4040aea0, "KVM_SET_VCPU_EVENTS"},
    {0x4040aea4, "KVM_ASSIGN_SET_INTX_MASK"},
    {0x4048ae9b, "KVM_SET_GUEST_DEBUG"},
    {0x4048aec9, "KVM_XEN_HVM_SET_ATTR"},
    {0x4048aecb, "KVM_XEN_VCPU_SET_ATTR"},
    {0x4068aea3, "KVM_ENABLE_CAP"},
    {0x4070aea0, "KVM_SET_PIT2"},
    {0x4080aea2, "KVM_SET_DEBUGREGS"},
    {0x4080aebf, "KVM_SET_NESTED_STATE"},
    {0x4090ae82, "KVM_SET_REGS"},
    {0x4138ae84, "KVM_SET_SREGS"},
    {0x4140aecd, "KVM_SET_SREGS2"},
    {0x4188aea7, "KVM_SET_XCRS"},
    {0x4188aec6, "KVM_X86_SET_MSR_FILTER"},
    {0x41a0ae8d, "KVM_SET_FPU"},
    {0x4400ae8f, "KVM_SET_LAPIC"},
    {0x5000aea5, "KVM_SET_XSAVE"},
    {0x8004ae98, "KVM_GET_MP_STATE"},
    {0x8008ae9d, "KVM_X86_GET_MCE_CAP_SUPPORTED"},
    {0x8010aebb, "KVM_MEMORY_ENCRYPT_REG_REGION"},
    {0x8010aebc, "KVM_MEMORY_ENCRYPT_UNREG_REGION"},
    {0x8030ae7c, "KVM_GET_CLOCK"},
    {0x8040ae69, "KVM_ASSIGN_PCI_DEVICE"},
    {0x8040ae9f, "KVM_GET_VCPU_EVENTS"},
    {0x8048ae66, "KVM_SET_PIT"},
    {0x8070ae9f, "KVM_GET_PIT2"},
    {0x8080aea1, "KVM_GET_DEBUGREGS"},
    {0x8090ae81, "KVM_GET_REGS"},
    {0x8138ae83, "KVM_GET_SREGS"},
    {0x8140aecc, "KVM_GET_SREGS2"},
    {0x8188aea6, "KVM_GET_XCRS"},
    {0x81a0ae8c, "KVM_GET_FPU"},
    {0x8208ae63, "KVM_SET_IRQCHIP"},
    {0x8400ae8e, "KVM_GET_LAPIC"},
    {0x9000aea4, "KVM_GET_XSAVE"},
    {0x9000aecf, "KVM_GET_XSAVE2"},
    {0xc004ae02, "KVM_GET_MSR_INDEX_LIST"},
    {0xc004ae0a, "KVM_GET_MSR_FEATURE_INDEX_LIST"},
    {0xc008ae05, "KVM_GET_SUPPORTED_CPUID"},
    {0xc008ae09, "KVM_GET_EMULATED_CPUID"},
    {0xc008ae67, "KVM_IRQ_LINE_STATUS"},
    {0xc008ae88, "KVM_GET_MSRS"},
    {0xc008ae91, "KVM_GET_CPUID2"},
    {0xc008aeb0, "KVM_GET_REG_LIST"},
    {0xc008aeba, "KVM_MEMORY_ENCRYPT_OP"},
    {0xc008aec1, "KVM_GET_SUPPORTED_HV_CPUID"},
    {0xc00caee0, "KVM_CREATE_DEVICE"},
    {0xc018ae85, "KVM_TRANSLATE"},
    {0xc018aec0, "KVM_CLEAR_DIRTY_LOG"},
    {0xc028ae92, "KVM_TPR_ACCESS_REPORTING"},
    {0xc048ae65, "KVM_GET_PIT"},
    {0xc048aec8, "KVM_XEN_HVM_GET_ATTR"},
    {0xc048aeca, "KVM_XEN_VCPU_GET_ATTR"},
    {0xc080aebe, "KVM_GET_NESTED_STATE"},
    {0xc208ae62, "KVM_GET_IRQCHIP"},
};

constexpr bool SortedByCode() {
  for (size_t i = 1; i < sizeof(kKvmIoctls) / sizeof(kKvmIoctls[0]); ++i) {
    if (kKvmIoctls[i - 1].code >= kKvmIoctls[i].code) return false;
  }
  return true;
}
static_assert(SortedByCode(), "KvmIoctlName's binary search");

// KVM_CHECK_EXTENSION's capabilities.
constexpr XlatEntry kKvmCaps[] = {
    {0, "KVM_CAP_IRQCHIP"},
    {1, "KVM_CAP_HLT"},
    {2, "KVM_CAP_MMU_SHADOW_CACHE_CONTROL"},
    {3, "KVM_CAP_USER_MEMORY"},
    {4, "KVM_CAP_SET_TSS_ADDR"},
    {6, "KVM_CAP_VAPIC"},
    {7, "KVM_CAP_EXT_CPUID"},
    {8, "KVM_CAP_CLOCKSOURCE"},
    {9, "KVM_CAP_NR_VCPUS"},
    {10, "KVM_CAP_NR_MEMSLOTS"},
    {11, "KVM_CAP_PIT"},
    {12, "KVM_CAP_NOP_IO_DELAY"},
    {13, "KVM_CAP_PV_MMU"},
    {14, "KVM_CAP_MP_STATE"},
    {15, "KVM_CAP_COALESCED_MMIO"},
    {16, "KVM_CAP_SYNC_MMU"},
    {18, "KVM_CAP_IOMMU"},
    {21, "KVM_CAP_DESTROY_MEMORY_REGION_WORKS"},
    {22, "KVM_CAP_USER_NMI"},
    {23, "KVM_CAP_SET_GUEST_DEBUG"},
    {24, "KVM_CAP_REINJECT_CONTROL"},
    {25, "KVM_CAP_IRQ_ROUTING"},
    {26, "KVM_CAP_IRQ_INJECT_STATUS"},
    {29, "KVM_CAP_ASSIGN_DEV_IRQ"},
    {30, "KVM_CAP_JOIN_MEMORY_REGIONS_WORKS"},
    {31, "KVM_CAP_MCE"},
    {32, "KVM_CAP_IRQFD"},
    {33, "KVM_CAP_PIT2"},
    {34, "KVM_CAP_SET_BOOT_CPU_ID"},
    {35, "KVM_CAP_PIT_STATE2"},
    {36, "KVM_CAP_IOEVENTFD"},
    {37, "KVM_CAP_SET_IDENTITY_MAP_ADDR"},
    {38, "KVM_CAP_XEN_HVM"},
    {39, "KVM_CAP_ADJUST_CLOCK"},
    {40, "KVM_CAP_INTERNAL_ERROR_DATA"},
    {41, "KVM_CAP_VCPU_EVENTS"},
    {42, "KVM_CAP_S390_PSW"},
    {43, "KVM_CAP_PPC_SEGSTATE"},
    {44, "KVM_CAP_HYPERV"},
    {45, "KVM_CAP_HYPERV_VAPIC"},
    {46, "KVM_CAP_HYPERV_SPIN"},
    {47, "KVM_CAP_PCI_SEGMENT"},
    {48, "KVM_CAP_PPC_PAIRED_SINGLES"},
    {49, "KVM_CAP_INTR_SHADOW"},
    {50, "KVM_CAP_DEBUGREGS"},
    {51, "KVM_CAP_X86_ROBUST_SINGLESTEP"},
    {52, "KVM_CAP_PPC_OSI"},
    {53, "KVM_CAP_PPC_UNSET_IRQ"},
    {54, "KVM_CAP_ENABLE_CAP"},
    {55, "KVM_CAP_XSAVE"},
    {56, "KVM_CAP_XCRS"},
    {57, "KVM_CAP_PPC_GET_PVINFO"},
    {58, "KVM_CAP_PPC_IRQ_LEVEL"},
    {59, "KVM_CAP_ASYNC_PF"},
    {60, "KVM_CAP_TSC_CONTROL"},
    {61, "KVM_CAP_GET_TSC_KHZ"},
    {62, "KVM_CAP_PPC_BOOKE_SREGS"},
    {63, "KVM_CAP_SPAPR_TCE"},
    {64, "KVM_CAP_PPC_SMT"},
    {65, "KVM_CAP_PPC_RMA"},
    {66, "KVM_CAP_MAX_VCPUS"},
    {67, "KVM_CAP_PPC_HIOR"},
    {68, "KVM_CAP_PPC_PAPR"},
    {69, "KVM_CAP_SW_TLB"},
    {70, "KVM_CAP_ONE_REG"},
    {71, "KVM_CAP_S390_GMAP"},
    {72, "KVM_CAP_TSC_DEADLINE_TIMER"},
    {73, "KVM_CAP_S390_UCONTROL"},
    {74, "KVM_CAP_SYNC_REGS"},
    {75, "KVM_CAP_PCI_2_3"},
    {76, "KVM_CAP_KVMCLOCK_CTRL"},
    {77, "KVM_CAP_SIGNAL_MSI"},
    {78, "KVM_CAP_PPC_GET_SMMU_INFO"},
    {79, "KVM_CAP_S390_COW"},
    {80, "KVM_CAP_PPC_ALLOC_HTAB"},
    {81, "KVM_CAP_READONLY_MEM"},
    {82, "KVM_CAP_IRQFD_RESAMPLE"},
    {83, "KVM_CAP_PPC_BOOKE_WATCHDOG"},
    {84, "KVM_CAP_PPC_HTAB_FD"},
    {85, "KVM_CAP_S390_CSS_SUPPORT"},
    {86, "KVM_CAP_PPC_EPR"},
    {87, "KVM_CAP_ARM_PSCI"},
    {88, "KVM_CAP_ARM_SET_DEVICE_ADDR"},
    {89, "KVM_CAP_DEVICE_CTRL"},
    {90, "KVM_CAP_IRQ_MPIC"},
    {91, "KVM_CAP_PPC_RTAS"},
    {92, "KVM_CAP_IRQ_XICS"},
    {93, "KVM_CAP_ARM_EL1_32BIT"},
    {94, "KVM_CAP_SPAPR_MULTITCE"},
    {95, "KVM_CAP_EXT_EMUL_CPUID"},
    {96, "KVM_CAP_HYPERV_TIME"},
    {97, "KVM_CAP_IOAPIC_POLARITY_IGNORED"},
    {98, "KVM_CAP_ENABLE_CAP_VM"},
    {99, "KVM_CAP_S390_IRQCHIP"},
    {100, "KVM_CAP_IOEVENTFD_NO_LENGTH"},
    {101, "KVM_CAP_VM_ATTRIBUTES"},
    {102, "KVM_CAP_ARM_PSCI_0_2"},
    {103, "KVM_CAP_PPC_FIXUP_HCALL"},
    {104, "KVM_CAP_PPC_ENABLE_HCALL"},
    {105, "KVM_CAP_CHECK_EXTENSION_VM"},
    {106, "KVM_CAP_S390_USER_SIGP"},
    {107, "KVM_CAP_S390_VECTOR_REGISTERS"},
    {108, "KVM_CAP_S390_MEM_OP"},
    {109, "KVM_CAP_S390_USER_STSI"},
    {110, "KVM_CAP_S390_SKEYS"},
    {111, "KVM_CAP_MIPS_FPU"},
    {112, "KVM_CAP_MIPS_MSA"},
    {113, "KVM_CAP_S390_INJECT_IRQ"},
    {114, "KVM_CAP_S390_IRQ_STATE"},
    {115, "KVM_CAP_PPC_HWRNG"},
    {116, "KVM_CAP_DISABLE_QUIRKS"},
    {117, "KVM_CAP_X86_SMM"},
    {118, "KVM_CAP_MULTI_ADDRESS_SPACE"},
    {119, "KVM_CAP_GUEST_DEBUG_HW_BPS"},
    {120, "KVM_CAP_GUEST_DEBUG_HW_WPS"},
    {121, "KVM_CAP_SPLIT_IRQCHIP"},
    {122, "KVM_CAP_IOEVENTFD_ANY_LENGTH"},
    {123, "KVM_CAP_HYPERV_SYNIC"},
    {124, "KVM_CAP_S390_RI"},
    {125, "KVM_CAP_SPAPR_TCE_64"},
    {126, "KVM_CAP_ARM_PMU_V3"},
    {127, "KVM_CAP_VCPU_ATTRIBUTES"},
    {128, "KVM_CAP_MAX_VCPU_ID"},
    {129, "KVM_CAP_X2APIC_API"},
    {130, "KVM_CAP_S390_USER_INSTR0"},
    {131, "KVM_CAP_MSI_DEVID"},
    {132, "KVM_CAP_PPC_HTM"},
    {133, "KVM_CAP_SPAPR_RESIZE_HPT"},
    {134, "KVM_CAP_PPC_MMU_RADIX"},
    {135, "KVM_CAP_PPC_MMU_HASH_V3"},
    {136, "KVM_CAP_IMMEDIATE_EXIT"},
    {137, "KVM_CAP_MIPS_VZ"},
    {138, "KVM_CAP_MIPS_TE"},
    {139, "KVM_CAP_MIPS_64BIT"},
    {140, "KVM_CAP_S390_GS"},
    {141, "KVM_CAP_S390_AIS"},
    {142, "KVM_CAP_SPAPR_TCE_VFIO"},
    {143, "KVM_CAP_X86_DISABLE_EXITS"},
    {144, "KVM_CAP_ARM_USER_IRQ"},
    {145, "KVM_CAP_S390_CMMA_MIGRATION"},
    {146, "KVM_CAP_PPC_FWNMI"},
    {147, "KVM_CAP_PPC_SMT_POSSIBLE"},
    {148, "KVM_CAP_HYPERV_SYNIC2"},
    {149, "KVM_CAP_HYPERV_VP_INDEX"},
    {150, "KVM_CAP_S390_AIS_MIGRATION"},
    {151, "KVM_CAP_PPC_GET_CPU_CHAR"},
    {152, "KVM_CAP_S390_BPB"},
    {153, "KVM_CAP_GET_MSR_FEATURES"},
    {154, "KVM_CAP_HYPERV_EVENTFD"},
    {155, "KVM_CAP_HYPERV_TLBFLUSH"},
    {156, "KVM_CAP_S390_HPAGE_1M"},
    {157, "KVM_CAP_NESTED_STATE"},
    {158, "KVM_CAP_ARM_INJECT_SERROR_ESR"},
    {159, "KVM_CAP_MSR_PLATFORM_INFO"},
    {160, "KVM_CAP_PPC_NESTED_HV"},
    {161, "KVM_CAP_HYPERV_SEND_IPI"},
    {162, "KVM_CAP_COALESCED_PIO"},
    {163, "KVM_CAP_HYPERV_ENLIGHTENED_VMCS"},
    {164, "KVM_CAP_EXCEPTION_PAYLOAD"},
    {165, "KVM_CAP_ARM_VM_IPA_SIZE"},
    {166, "KVM_CAP_MANUAL_DIRTY_LOG_PROTECT"},
    {167, "KVM_CAP_HYPERV_CPUID"},
    {168, "KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2"},
    {169, "KVM_CAP_PPC_IRQ_XIVE"},
    {170, "KVM_CAP_ARM_SVE"},
    {171, "KVM_CAP_ARM_PTRAUTH_ADDRESS"},
    {172, "KVM_CAP_ARM_PTRAUTH_GENERIC"},
    {173, "KVM_CAP_PMU_EVENT_FILTER"},
    {174, "KVM_CAP_ARM_IRQ_LINE_LAYOUT_2"},
    {175, "KVM_CAP_HYPERV_DIRECT_TLBFLUSH"},
    {176, "KVM_CAP_PPC_GUEST_DEBUG_SSTEP"},
    {177, "KVM_CAP_ARM_NISV_TO_USER"},
    {178, "KVM_CAP_ARM_INJECT_EXT_DABT"},
    {179, "KVM_CAP_S390_VCPU_RESETS"},
    {180, "KVM_CAP_S390_PROTECTED"},
    {181, "KVM_CAP_PPC_SECURE_GUEST"},
    {182, "KVM_CAP_HALT_POLL"},
    {183, "KVM_CAP_ASYNC_PF_INT"},
    {184, "KVM_CAP_LAST_CPU"},
    {185, "KVM_CAP_SMALLER_MAXPHYADDR"},
    {186, "KVM_CAP_S390_DIAG318"},
    {187, "KVM_CAP_STEAL_TIME"},
    {188, "KVM_CAP_X86_USER_SPACE_MSR"},
    {189, "KVM_CAP_X86_MSR_FILTER"},
    {190, "KVM_CAP_ENFORCE_PV_FEATURE_CPUID"},
    {191, "KVM_CAP_SYS_HYPERV_CPUID"},
    {192, "KVM_CAP_DIRTY_LOG_RING"},
    {193, "KVM_CAP_X86_BUS_LOCK_EXIT"},
    {194, "KVM_CAP_PPC_DAWR1"},
    {195, "KVM_CAP_SET_GUEST_DEBUG2"},
    {196, "KVM_CAP_SGX_ATTRIBUTE"},
    {197, "KVM_CAP_VM_COPY_ENC_CONTEXT_FROM"},
    {198, "KVM_CAP_PTP_KVM"},
    {199, "KVM_CAP_HYPERV_ENFORCE_CPUID"},
    {200, "KVM_CAP_SREGS2"},
    {201, "KVM_CAP_EXIT_HYPERCALL"},
    {202, "KVM_CAP_PPC_RPT_INVALIDATE"},
    {203, "KVM_CAP_BINARY_STATS_FD"},
    {204, "KVM_CAP_EXIT_ON_EMULATION_FAILURE"},
    {205, "KVM_CAP_ARM_MTE"},
    {206, "KVM_CAP_VM_MOVE_ENC_CONTEXT_FROM"},
    {207, "KVM_CAP_VM_GPA_BITS"},
    {208, "KVM_CAP_XSAVE2"},
    {209, "KVM_CAP_SYS_ATTRIBUTES"},
    {210, "KVM_CAP_PPC_AIL_MODE_3"},
    {211, "KVM_CAP_S390_MEM_OP_EXTENSION"},
    {212, "KVM_CAP_PMU_CAPABILITY"},
    {213, "KVM_CAP_DISABLE_QUIRKS2"},
    {214, "KVM_CAP_VM_TSC_CONTROL"},
    {215, "KVM_CAP_SYSTEM_EVENT_DATA"},
    {216, "KVM_CAP_ARM_SYSTEM_SUSPEND"},
    {217, "KVM_CAP_S390_PROTECTED_DUMP"},
    {218, "KVM_CAP_X86_TRIPLE_FAULT_EVENT"},
    {219, "KVM_CAP_X86_NOTIFY_VMEXIT"},
    {220, "KVM_CAP_VM_DISABLE_NX_HUGE_PAGES"},
    {221, "KVM_CAP_S390_ZPCI_OP"},
    {222, "KVM_CAP_S390_CPU_TOPOLOGY"},
    {223, "KVM_CAP_DIRTY_LOG_RING_ACQ_REL"},
};

// struct kvm_run's exit_reason.
constexpr XlatEntry kKvmExitReasons[] = {
    {0, "KVM_EXIT_UNKNOWN"},
    {1, "KVM_EXIT_EXCEPTION"},
    {2, "KVM_EXIT_IO"},
    {3, "KVM_EXIT_HYPERCALL"},
    {4, "KVM_EXIT_DEBUG"},
    {5, "KVM_EXIT_HLT"},
    {6, "KVM_EXIT_MMIO"},
    {7, "KVM_EXIT_IRQ_WINDOW_OPEN"},
    {8, "KVM_EXIT_SHUTDOWN"},
    {9, "KVM_EXIT_FAIL_ENTRY"},
    {10, "KVM_EXIT_INTR"},
    {11, "KVM_EXIT_SET_TPR"},
    {12, "KVM_EXIT_TPR_ACCESS"},
    {13, "KVM_EXIT_S390_SIEIC"},
    {14, "KVM_EXIT_S390_RESET"},
    {15, "KVM_EXIT_DCR"},
    {16, "KVM_EXIT_NMI"},
    {17, "KVM_EXIT_INTERNAL_ERROR"},
    {18, "KVM_EXIT_OSI"},
    {19, "KVM_EXIT_PAPR_HCALL"},
    {20, "KVM_EXIT_S390_UCONTROL"},
    {21, "KVM_EXIT_WATCHDOG"},
    {22, "KVM_EXIT_S390_TSCH"},
    {23, "KVM_EXIT_EPR"},
    {24, "KVM_EXIT_SYSTEM_EVENT"},
    {25, "KVM_EXIT_S390_STSI"},
    {26, "KVM_EXIT_IOAPIC_EOI"},
    {27, "KVM_EXIT_HYPERV"},
    {28, "KVM_EXIT_ARM_NISV"},
    {29, "KVM_EXIT_X86_RDMSR"},
    {30, "KVM_EXIT_X86_WRMSR"},
    {31, "KVM_EXIT_DIRTY_RING_FULL"},
    {32, "KVM_EXIT_AP_RESET_HOLD"},
    {33, "KVM_EXIT_X86_BUS_LOCK"},
    {34, "KVM_EXIT_XEN"},
    {35, "KVM_EXIT_RISCV_SBI"},
    {36, "KVM_EXIT_RISCV_CSR"},
    {37, "KVM_EXIT_NOTIFY"},
};

constexpr XlatEntry kKvmMemFlags[] = {
    {0x1, "KVM_MEM_LOG_DIRTY_PAGES"},
    {0x2, "KVM_MEM_READONLY"},
};

constexpr XlatEntry kKvmCpuidFlags[] = {
    {0x1, "KVM_CPUID_FLAG_SIGNIFCANT_INDEX"},
    {0x2, "KVM_CPUID_FLAG_STATEFUL_FUNC"},
    {0x4, "KVM_CPUID_FLAG_STATE_READ_NEXT"},
};

enum : uint32_t {
  kCreateVm = 0xae01,
  kCheckExtension = 0xae03,
  kGetSupportedCpuid = 0xc008ae05,
  kGetEmulatedCpuid = 0xc008ae09,
  kCreateVcpu = 0xae41,
  kSetUserMemoryRegion = 0x4020ae46,
  kRun = 0xae80,
  kGetRegs = 0x8090ae81,
  kSetRegs = 0x4090ae82,
  kGetSregs = 0x8138ae83,
  kSetSregs = 0x4138ae84,
  kSetCpuid2 = 0x4008ae90,
};

// The x86 layouts of <linux/kvm.h> (asm/kvm.h).
struct KvmUserspaceMemoryRegion {
  uint32_t slot;
  uint32_t flags;
  uint64_t guest_phys_addr;
  uint64_t memory_size;
  uint64_t userspace_addr;
};
static_assert(sizeof(KvmUserspaceMemoryRegion) == 32);

struct KvmRegs {
  uint64_t rax, rbx, rcx, rdx, rsi, rdi, rsp, rbp;
  uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
  uint64_t rip, rflags;
};
static_assert(sizeof(KvmRegs) == 0x90);

struct KvmSegment {
  uint64_t base;
  uint32_t limit;
  uint16_t selector;
  uint8_t type, present, dpl, db, s, l, g, avl, unusable, padding;
};
static_assert(sizeof(KvmSegment) == 24);

struct KvmDtable {
  uint64_t base;
  uint16_t limit;
  uint16_t padding[3];
};
static_assert(sizeof(KvmDtable) == 16);

struct KvmSregs {
  KvmSegment cs, ds, es, fs, gs, ss, tr, ldt;
  KvmDtable gdt, idt;
  uint64_t cr0, cr2, cr3, cr4, cr8, efer, apic_base;
  uint64_t interrupt_bitmap[4];
};
static_assert(sizeof(KvmSregs) == 0x138);

struct KvmCpuidEntry2 {
  uint32_t function, index, flags, eax, ebx, ecx, edx;
  uint32_t padding[3];
};
static_assert(sizeof(KvmCpuidEntry2) == 40);

// "name=0x..." and "name=123" fields.
void HexField(D& d, const char* sep_name, uint64_t v) {
  d.Put(sep_name);
  d.Hex(v);
}
void UdecField(D& d, const char* sep_name, uint64_t v) {
  d.Put(sep_name);
  d.Udec(v);
}

void MemoryRegion(D& d, uint64_t addr) {
  KvmUserspaceMemoryRegion r;
  if (!d.Fetch(addr, &r, sizeof(r))) return;
  UdecField(d, "{slot=", r.slot);
  d.Put(", flags=");
  d.Flags(r.flags, kKvmMemFlags, "KVM_MEM_???");
  HexField(d, ", guest_phys_addr=", r.guest_phys_addr);
  UdecField(d, ", memory_size=", r.memory_size);
  HexField(d, ", userspace_addr=", r.userspace_addr);
  d.out->push_back('}');
}

// "{rax=0x2, ..., rsp=0, rbp=0, ..., rip=0x1000, rflags=0x2}" (abbreviated:
// strace's choice of registers), or all of them.
void Regs(D& d, uint64_t addr) {
  KvmRegs r;
  if (!d.Fetch(addr, &r, sizeof(r))) return;
  if (d.abbrev) {
    HexField(d, "{rax=", r.rax);
    HexField(d, ", ..., rsp=", r.rsp);
    HexField(d, ", rbp=", r.rbp);
    HexField(d, ", ..., rip=", r.rip);
    HexField(d, ", rflags=", r.rflags);
    d.out->push_back('}');
    return;
  }
  static constexpr const char* kNames[] = {
      "{rax=",  ", rbx=", ", rcx=", ", rdx=", ", rsi=", ", rdi=",
      ", rsp=", ", rbp=", ", r8=",  ", r9=",  ", r10=", ", r11=",
      ", r12=", ", r13=", ", r14=", ", r15=", ", rip=", ", rflags="};
  uint64_t v[18];
  static_assert(sizeof(v) == sizeof(r));
  memcpy(v, &r, sizeof(v));
  for (int i = 0; i < 18; ++i) HexField(d, kNames[i], v[i]);
  d.out->push_back('}');
}

void Segment(D& d, const char* sep_name, const KvmSegment& s) {
  d.Put(sep_name);
  HexField(d, "{base=", s.base);
  UdecField(d, ", limit=", s.limit);
  UdecField(d, ", selector=", s.selector);
  UdecField(d, ", type=", s.type);
  UdecField(d, ", present=", s.present);
  UdecField(d, ", dpl=", s.dpl);
  UdecField(d, ", db=", s.db);
  UdecField(d, ", s=", s.s);
  UdecField(d, ", l=", s.l);
  UdecField(d, ", g=", s.g);
  UdecField(d, ", avl=", s.avl);
  d.out->push_back('}');
}

void Dtable(D& d, const char* sep_name, const KvmDtable& t) {
  d.Put(sep_name);
  HexField(d, "{base=", t.base);
  UdecField(d, ", limit=", t.limit);
  d.out->push_back('}');
}

// "{cs={base=0, limit=65535, ...}, ...}" (abbreviated), or everything.
void Sregs(D& d, uint64_t addr) {
  KvmSregs s;
  if (!d.Fetch(addr, &s, sizeof(s))) return;
  Segment(d, "{cs=", s.cs);
  if (d.abbrev) {
    d.Put(", ...}");
    return;
  }
  Segment(d, ", ds=", s.ds);
  Segment(d, ", es=", s.es);
  Segment(d, ", fs=", s.fs);
  Segment(d, ", gs=", s.gs);
  Segment(d, ", ss=", s.ss);
  Segment(d, ", tr=", s.tr);
  Segment(d, ", ldt=", s.ldt);
  Dtable(d, ", gdt=", s.gdt);
  Dtable(d, ", idt=", s.idt);
  UdecField(d, ", cr0=", s.cr0);
  UdecField(d, ", cr2=", s.cr2);
  UdecField(d, ", cr3=", s.cr3);
  UdecField(d, ", cr4=", s.cr4);
  UdecField(d, ", cr8=", s.cr8);
  UdecField(d, ", efer=", s.efer);
  HexField(d, ", apic_base=", s.apic_base);
  d.Put(", interrupt_bitmap=[");
  for (int i = 0; i < 4; ++i) {
    if (i > 0) d.Sep();
    d.Hex(s.interrupt_bitmap[i]);
  }
  d.Put("]}");
}

// struct kvm_cpuid2: "{nent=2, entries=[...]}" (abbreviated, "[]" when
// empty) or every entry, "{function=0x1, index=0, flags=0, eax=..., ...}".
void Cpuid2(D& d, uint64_t addr) {
  uint32_t head[2];  // nent, padding
  if (!d.Fetch(addr, head, sizeof(head))) return;
  UdecField(d, "{nent=", head[0]);
  d.Put(", entries=");
  if (head[0] == 0) {
    d.Put("[]");
  } else if (d.abbrev) {
    d.Put("[...]");
  } else {
    d.Array<KvmCpuidEntry2>(
        addr + sizeof(head), head[0], [&d](const KvmCpuidEntry2& e) {
          HexField(d, "{function=", e.function);
          HexField(d, ", index=", e.index);
          d.Put(", flags=");
          d.Flags(e.flags, kKvmCpuidFlags, "KVM_CPUID_FLAG_???");
          HexField(d, ", eax=", e.eax);
          HexField(d, ", ebx=", e.ebx);
          HexField(d, ", ecx=", e.ecx);
          HexField(d, ", edx=", e.edx);
          d.out->push_back('}');
        });
  }
  d.out->push_back('}');
}

// -e kvm=vcpu: " (KVM_EXIT_IO)", the exit reason in the vcpu's struct
// kvm_run. Its mapping is found by name in /proc/TID/maps: the fd's link,
// "anon_inode:kvm-vcpu:N", names the mapping too, also when ttrace
// attached after the mmap. Several vcpus with that number (several VMs)
// are ambiguous: nothing is printed then (strace 6.1 reads one of them,
// often the wrong one).
void ExitReason(D& d, int fd) {
  if (d.suffix == nullptr) return;
  std::string& link = d.dec->scratch2();
  if (!d.dec->mem()->ReadFdPath(d.c.tid, fd, &link) ||
      link.compare(0, 20, "anon_inode:kvm-vcpu:") != 0) {
    return;
  }
  uint64_t start;
  if (!d.dec->mem()->FindMapping(d.c.tid, link, &start)) return;
  uint32_t reason;  // after request_interrupt_window, immediate_exit, pad
  if (d.dec->mem()->Read(d.c.tid, start + 8, &reason, sizeof(reason)) !=
      static_cast<ssize_t>(sizeof(reason))) {
    return;
  }
  // The name whatever -X says (strace prints a string).
  const char* name = XlatName(reason, kKvmExitReasons,
                              sizeof(kKvmExitReasons) / sizeof(XlatEntry));
  d.suffix->append(" (");
  d.suffix->append(name != nullptr ? name : "KVM_EXIT_???");
  d.suffix->push_back(')');
}

}  // namespace

const char* KvmIoctlName(uint32_t code) {
  size_t lo = 0;
  size_t hi = sizeof(kKvmIoctls) / sizeof(kKvmIoctls[0]);
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (kKvmIoctls[mid].code < code) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < sizeof(kKvmIoctls) / sizeof(kKvmIoctls[0]) &&
      kKvmIoctls[lo].code == code) {
    return kKvmIoctls[lo].name;
  }
  return nullptr;
}

bool KvmIoctl(D& d, uint32_t code, uint64_t arg) {
  if (d.i386) return false;  // x86_64's layouts only
  // Inputs are printed at entry, outputs at exit.
  enum { kIn, kOut, kOther } kind = kOther;
  switch (code) {
    case kSetUserMemoryRegion:
    case kSetRegs:
    case kSetSregs:
    case kSetCpuid2:
    case kCheckExtension:
    case kCreateVcpu:
      kind = kIn;
      break;
    case kGetRegs:
    case kGetSregs:
    case kGetSupportedCpuid:
    case kGetEmulatedCpuid:
      kind = kOut;
      break;
    case kCreateVm:
    case kRun:
      break;
    default:
      return false;
  }
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    IoctlCommand(d, code);
    // An output follows at exit, its ", " with it, as strace splits the
    // line ("KVM_GET_REGS <unfinished ...>").
    if (kind != kOut) d.Sep();
    switch (code) {
      case kSetUserMemoryRegion:
        MemoryRegion(d, arg);
        break;
      case kSetRegs:
        Regs(d, arg);
        break;
      case kSetSregs:
        Sregs(d, arg);
        break;
      case kSetCpuid2:
        Cpuid2(d, arg);
        break;
      case kCheckExtension:
        d.Xval(arg, kKvmCaps, "KVM_CAP_???");
        break;
      case kCreateVcpu:
        d.Udec(static_cast<uint32_t>(arg));
        break;
      default:
        if (kind == kOther) d.Hex(arg);
        break;
    }
    return true;
  }
  if (kind == kOut) {
    d.Sep();
    if (d.failed()) {
      d.Ptr(arg);
    } else if (code == kGetRegs) {
      Regs(d, arg);
    } else if (code == kGetSregs) {
      Sregs(d, arg);
    } else {
      Cpuid2(d, arg);
    }
  }
  if (code == kCreateVm || code == kCreateVcpu) d.RetFd();
  if (code == kRun && d.opt().kvm_vcpu && !d.failed()) {
    ExitReason(d, d.i32(0));
  }
  return true;
}

}  // namespace decode
}  // namespace ttrace
