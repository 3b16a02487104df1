namespace FusedActivations.Generator.Emitting.Kernels;

/// <summary>A named constant of a generated kernel class, with the comment that says where its value comes from.</summary>
internal readonly struct KernelConstant
{
    public KernelConstant(string name, double value, string? doc, ElementInfo? type = null)
    {
        Name = name;
        Value = value;
        Doc = doc;
        Type = type;
    }

    public string Name { get; }

    public double Value { get; }

    public string? Doc { get; }

    /// <summary>The constant's type when it differs from the kernel's element type (double constants of a float kernel's widened paths).</summary>
    public ElementInfo? Type { get; }
}
