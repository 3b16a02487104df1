namespace FusedActivations.Generator.Model;

/// <summary>A kernel class shared by every method of one kernel shape, and the file it is written to.</summary>
/// <param name="Name">The class name, e.g. <c>SoftplusSingleKernel_3fa2c1d0</c> (a hash of its text).</param>
/// <param name="HintName">The hint name of its file.</param>
/// <param name="Source">The file's text.</param>
internal sealed record SharedKernel(string Name, string HintName, string Source);

/// <summary>The generated file of one method, and the shared kernel it calls.</summary>
/// <param name="HintName">The hint name of the method's file.</param>
/// <param name="Source">The method's file: its body and its constants struct.</param>
/// <param name="Kernel">The shared kernel the body calls.</param>
internal sealed record EmittedMethod(string HintName, string Source, SharedKernel Kernel);
