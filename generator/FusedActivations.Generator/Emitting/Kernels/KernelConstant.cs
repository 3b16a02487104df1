namespace FusedActivations.Generator.Emitting.Kernels;

/// <summary>A named constant of a generated kernel class, with the comment that says where its value comes from.</summary>
internal readonly struct KernelConstant
{
    public KernelConstant(string name, double value, string? doc, ElementInfo? type = null, bool isFolded = false)
    {
        Name = name;
        Value = value;
        Doc = doc;
        Type = type;
        IsFolded = isFolded;
    }

    /// <summary>
    /// Folded from the method's own arguments (beta, threshold): it lives in the method's constants struct, while every
    /// other constant is the same for all methods and lives in the shared kernel.
    /// </summary>
    public bool IsFolded { get; }

    public string Name { get; }

    public double Value { get; }

    public string? Doc { get; }

    /// <summary>The constant's type when it differs from the kernel's element type (double constants of a float kernel's widened paths).</summary>
    public ElementInfo? Type { get; }
}
