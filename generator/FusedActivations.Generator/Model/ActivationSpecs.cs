namespace FusedActivations.Generator.Model;

/// <summary>An activation without arguments (Sigmoid, Tanh, Mish, Selu, LogSigmoid, Relu, HardSwish).</summary>
internal sealed record ParameterlessSpec(string ActivationName) : ActivationSpec
{
    public override string Name => ActivationName;
}

/// <summary>SiLU (Swish-beta) x * sigmoid(beta x), beta as a double from the attribute.</summary>
internal sealed record SiluSpec(double Beta) : ActivationSpec
{
    public override string Name => "Silu";
}

/// <summary>ELU with its alpha, as a double from the attribute.</summary>
internal sealed record EluSpec(double Alpha) : ActivationSpec
{
    public override string Name => "Elu";
}

/// <summary>LeakyReLU with its negative slope, as a double from the attribute.</summary>
internal sealed record LeakyReluSpec(double NegativeSlope) : ActivationSpec
{
    public override string Name => "LeakyRelu";
}

/// <summary>GELU, exact (erf) or with PyTorch's tanh approximation.</summary>
internal sealed record GeluSpec(bool TanhApproximation) : ActivationSpec
{
    public override string Name => "Gelu";
}

/// <summary>The inverse of Softplus with the same beta, as a double from the attribute.</summary>
internal sealed record InverseSoftplusSpec(double Beta) : ActivationSpec
{
    public override string Name => "InverseSoftplus";
}
