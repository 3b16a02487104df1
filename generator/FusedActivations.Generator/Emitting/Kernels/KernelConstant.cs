namespace FusedActivations.Generator.Emitting.Kernels;

/// <summary>A named constant of a generated kernel class, with the comment that says where its value comes from.</summary>
internal readonly struct KernelConstant
{
    public KernelConstant(string name, double value, string? doc)
    {
        Name = name;
        Value = value;
        Doc = doc;
    }

    public string Name { get; }

    public double Value { get; }

    public string? Doc { get; }
}
