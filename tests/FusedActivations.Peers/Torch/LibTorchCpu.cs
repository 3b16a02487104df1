using System;
using System.IO;
using System.Runtime.InteropServices;

namespace FusedActivations.Peers;

/// <summary>
/// Two libtorch functions TorchSharp does not expose, called through their exported C++ symbols in
/// <c>libtorch_cpu.so</c> (the library TorchSharp has already loaded): the CPU capability ATen's kernels dispatch to, and
/// flushing denormals (PyTorch's <c>torch.get_cpu_capability()</c> / <c>torch.set_flush_denormal()</c>). Linux x64 only
/// (Itanium C++ ABI, libstdc++'s <c>std::string</c>); for the benchmarks' checks and probes, not for measuring.
/// </summary>
public static unsafe class LibTorchCpu
{
    private const string GetCpuCapabilitySymbol = "_ZN2at18get_cpu_capabilityB5cxx11Ev"; // std::string at::get_cpu_capability()
    private const string GlobalContextSymbol = "_ZN2at13globalContextEv"; // at::Context& at::globalContext()
    private const string SetFlushDenormalSymbol = "_ZN2at7Context16setFlushDenormalEb"; // bool at::Context::setFlushDenormal(bool)

    /// <summary>
    /// What <c>at::get_cpu_capability()</c> returns: <c>DEFAULT</c>, <c>AVX2</c> or <c>AVX512</c> on x64, i.e. which of
    /// ATen's per-ISA kernel builds runs here (it honours <c>ATEN_CPU_CAPABILITY</c>). Loads TorchSharp first.
    /// </summary>
    public static string CpuCapability()
    {
        var function = (delegate* unmanaged<byte*, byte*>)Export(GetCpuCapabilitySymbol);
        // A std::string returned by value: the caller passes the 32-byte object's address (hidden sret pointer in rdi).
        // libstdc++'s layout: char* data, size_t length, 16-byte inline buffer (short strings are stored there).
        byte* storage = stackalloc byte[32];
        function(storage);
        byte* data = *(byte**)storage;
        long length = *(long*)(storage + 8);
        // Capability names fit the inline buffer; a longer string would live on libstdc++'s heap and leak a few bytes once.
        return Marshal.PtrToStringUTF8((IntPtr)data, checked((int)length));
    }

    /// <summary>
    /// <c>torch.set_flush_denormal(on)</c>: sets or clears FTZ and DAZ in MXCSR of the calling thread (only). Returns
    /// false if the CPU does not support it.
    /// </summary>
    public static bool SetFlushDenormal(bool on)
    {
        var context = (delegate* unmanaged<IntPtr>)Export(GlobalContextSymbol);
        // The bool argument is passed as a zero-extended int: a byte would leave the upper bits of esi undefined, and the
        // callee may test more than the low byte.
        var set = (delegate* unmanaged<IntPtr, int, byte>)Export(SetFlushDenormalSymbol);
        return set(context(), on ? 1 : 0) != 0;
    }

    private static IntPtr Export(string symbol)
    {
        TorchSharpRuntime.UseOneThread(); // loads TorchSharp (and with it libtorch_cpu) or throws why it cannot
        string path = Path.Combine(TorchSharpNatives.NativeDirectory, "libtorch_cpu.so");
        IntPtr library = NativeLibrary.Load(path); // already loaded: the same handle
        return NativeLibrary.GetExport(library, symbol);
    }
}
