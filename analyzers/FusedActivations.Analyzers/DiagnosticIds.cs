namespace FusedActivations.Analyzers;

/// <summary>The IDs of the numerical-stability rules. FA1xxx belongs to the generator; the analyzers use FA2xxx.</summary>
public static class DiagnosticIds
{
    /// <summary>Naive softplus: <c>log(1 + exp(z))</c>.</summary>
    public const string NaiveSoftplus = "FA2001";

    /// <summary>Naive inverse softplus: <c>log(exp(y) - 1)</c>.</summary>
    public const string NaiveInverseSoftplus = "FA2002";

    /// <summary>Naive log-sum-exp of two terms: <c>log(exp(a) + exp(b))</c>.</summary>
    public const string NaiveLogAddExp = "FA2003";

    /// <summary>Naive sigmoid: <c>exp(x) / (1 + exp(x))</c>.</summary>
    public const string NaiveSigmoid = "FA2004";

    /// <summary>Naive log-sigmoid: <c>log(1 / (1 + exp(-x)))</c> or <c>-log(1 + exp(-x))</c>.</summary>
    public const string NaiveLogSigmoid = "FA2005";

    /// <summary><c>log(1 + x)</c> or .NET's <c>LogP1(x)</c> where x may be small.</summary>
    public const string ImpreciseLog1P = "FA2006";

    /// <summary><c>exp(x) - 1</c> or .NET's <c>ExpM1(x)</c> where x may be small.</summary>
    public const string ImpreciseExpM1 = "FA2007";

    /// <summary>Naive tanh: <c>(exp(x) - exp(-x)) / (exp(x) + exp(-x))</c> or <c>(exp(2x) - 1) / (exp(2x) + 1)</c>.</summary>
    public const string NaiveTanh = "FA2008";

    /// <summary><c>1 - tanh(u)</c> or <c>1 + tanh(u)</c>, which cancel where tanh saturates.</summary>
    public const string CancellingTanh = "FA2009";

    /// <summary>Naive <c>log(1 - exp(x))</c>.</summary>
    public const string NaiveLog1MExp = "FA2010";

    /// <summary>Softmax, log-softmax or log-sum-exp over a collection without subtracting the maximum.</summary>
    public const string UnshiftedSoftmax = "FA2011";

    /// <summary>A loop mapping arrays or spans elementwise that a <c>[Fused]</c> kernel can compute (Info).</summary>
    public const string FusableLoop = "FA2012";
}
