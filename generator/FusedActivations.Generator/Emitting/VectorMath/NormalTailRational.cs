namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// The rational function of the widened float GELU kernels: <c>Q(t) = erfc(t / sqrt 2) / 2 = exp(-t^2/2) P(t) / D(t)</c>
/// for t in [0, 15], one piece (<see cref="WideNormalTail"/>).
/// </summary>
/// <remarks>
/// Coefficients: <c>generator/tools/fit_normal_tail_rational.py 5 6</c> (mpmath, near-minimax in the relative error of
/// <c>P/D</c> against <c>R(t) = Q(t) exp(t^2/2)</c>, ascending powers of t, rounded to double; the error quoted is the
/// maximum relative error of the rounded P/D evaluated exactly, on 6001 points). Every coefficient is positive, so
/// Horner's rule in double adds only a few 2^-53 to it. Degrees (6, 7) reach 2^-39.6 for two more FMAs: measured on all
/// 2^32 floats (AVX-512), 0.5030 ULP against 0.5044 with these, for about 8 % more time (AVX-512 and AVX2, Stopwatch probe).
/// </remarks>
internal static class NormalTailRational
{
    /// <summary>The largest t the fit covers (the kernel clamps |x| to it).</summary>
    public const double End = 15;

    /// <summary>The maximum relative error of P/D against R, as a power of two.</summary>
    public const double ErrorLog2 = -33.4;

    /// <summary>P(t), degree 5.</summary>
    public static readonly double[] P =
    {
        0.49999999995549765,
        0.5083779675917423,
        0.2513221005152193,
        0.07162709912225815,
        0.011715263763602872,
        0.0008970599540283328,
    };

    /// <summary>D(t), degree 6 (D(0) = 1).</summary>
    public static readonly double[] D =
    {
        1.0,
        1.814640487483502,
        1.4505179599264593,
        0.6592405773759195,
        0.1817964641338087,
        0.029365634616613356,
        0.002248598437508488,
    };
}
