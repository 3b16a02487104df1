namespace FusedActivations.Generator;

/// <summary>
/// Names of the incremental pipeline's steps, so that tests can find them in
/// <c>GeneratorRunResult.TrackedSteps</c> and check that an unrelated edit reuses their outputs. Every activation's
/// pipeline and the fused one (<c>[Fused]</c>, <c>[FusedGradient]</c>: <see cref="FusedPipeline"/>) use the same names,
/// so the caching tests cover them all; the fused pipeline's <see cref="Diagnostics"/> step comes after one collection
/// of all fused results (a shared formula's problem is reported once).
/// </summary>
public static class TrackingNames
{
    /// <summary>One parse result (method spec or diagnostics) per method carrying an activation attribute.</summary>
    public const string ParseResults = nameof(ParseResults);

    /// <summary>The diagnostics of all parse results, one output per diagnostic.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The method specs of the valid methods, one output per method to implement.</summary>
    public const string Methods = nameof(Methods);

    /// <summary>The declarations completing methods with errors (see <c>StubSpec</c>), one output per method.</summary>
    public const string Stubs = nameof(Stubs);

    /// <summary>Each method's generated file and the shared kernel it calls.</summary>
    public const string Emitted = nameof(Emitted);

    /// <summary>The distinct shared kernels of all methods: one file each.</summary>
    public const string SharedKernels = nameof(SharedKernels);
}
