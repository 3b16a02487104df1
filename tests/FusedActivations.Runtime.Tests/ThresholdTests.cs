using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Runtime.Tests;

/// <summary>PyTorch's cut-off is decided on the product rounded to the element type, exactly at the boundary inputs.</summary>
public sealed class ThresholdTests
{
    public static TheoryData<float, float> Cases => new()
    {
        { 1f, 20f }, { 2f, 20f }, { 0.5f, 20f }, { 3f, 1f }, { 10f, 5f }, { 0.3f, 2f }, { 7f, -1f }, { 1e-3f, 0.25f },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatBoundaryInputsTakeTheRightSide(float beta, float threshold)
    {
        ThresholdBoundary<float> boundary = ThresholdBoundaries.ForFloat(beta, threshold)!.Value;
        Assert.False((float)(beta * boundary.Below) > threshold);
        Assert.True((float)(beta * boundary.Above) > threshold);

        // Above the cut-off the result is x itself; below it, the correctly rounded formula (the reference applies
        // the same float rule, so a double-precision cut-off would disagree at some of these boundaries).
        Assert.Equal(boundary.Above, FusedMath.Softplus(boundary.Above, beta, threshold));
        float below = FusedMath.Softplus(boundary.Below, beta, threshold);
        Assert.True(Ulp.Distance(below, Reference.Softplus(boundary.Below, beta, threshold)) <= Bounds.Float);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DoubleBoundaryInputsTakeTheRightSide(float betaF, float thresholdF)
    {
        double beta = betaF * 1.1; // not float-representable, so the double rounding of beta * x matters
        double threshold = thresholdF;
        ThresholdBoundary<double> boundary = ThresholdBoundaries.ForDouble(beta, threshold)!.Value;
        Assert.False(beta * boundary.Below > threshold);
        Assert.True(beta * boundary.Above > threshold);
        Assert.Equal(boundary.Above, FusedMath.Softplus(boundary.Above, beta, threshold));
        double below = FusedMath.Softplus(boundary.Below, beta, threshold);
        Assert.True(Ulp.Distance(below, Reference.Softplus(boundary.Below, beta, threshold)) <= Bounds.Softplus);
    }

    [Fact]
    public void WithThresholdOneTheFormulaVisiblyDiffersFromX()
    {
        // At threshold 1 the formula gives about 1.31 where the cut-off gives 1: the boundary is observable.
        ThresholdBoundary<float> boundary = ThresholdBoundaries.ForFloat(1f, 1f)!.Value;
        Assert.True(FusedMath.Softplus(boundary.Below, 1f, 1f) > 1.3f);
        Assert.Equal(boundary.Above, FusedMath.Softplus(boundary.Above, 1f, 1f));
    }

    [Fact]
    public void InfiniteThresholdHasNoBoundary()
    {
        Assert.Null(ThresholdBoundaries.ForFloat(2f, float.PositiveInfinity));
        Assert.Null(ThresholdBoundaries.ForDouble(2.0, double.PositiveInfinity));
    }
}
