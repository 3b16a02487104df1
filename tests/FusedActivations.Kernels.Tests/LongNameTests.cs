using System;
using Xunit;

namespace FusedActivations.Kernels.Tests.Company.Product.Component.Subsystem.Feature.Implementation.Internal.Activations
{
    public static partial class ContainingTypeWithAVeryLongDescriptiveName
    {
        public static partial class NestedTypeWithAnotherVeryLongDescriptiveName
        {
            /// <summary>
            /// Issue 10, item 4: with EmitCompilerGeneratedFiles (set in this project), a hint name built from all these
            /// names (about 300 characters) made the build fail with CS0016, as a file name over the 255-byte limit. This
            /// project building at all is the test; the method runs below.
            /// </summary>
            [Softplus(Beta = 2)]
            public static partial double ComputeTheSoftplusActivationOfEveryElementWithBetaTwoAndTheDefaultThreshold(double x);
        }
    }
}

namespace FusedActivations.Kernels.Tests
{
    public sealed class LongNameTests
    {
        [Fact]
        public void AMethodWithVeryLongNamesIsGeneratedAndRuns()
        {
            double y = Company.Product.Component.Subsystem.Feature.Implementation.Internal.Activations
                .ContainingTypeWithAVeryLongDescriptiveName.NestedTypeWithAnotherVeryLongDescriptiveName
                .ComputeTheSoftplusActivationOfEveryElementWithBetaTwoAndTheDefaultThreshold(0);
            Assert.Equal(Math.Log(2) / 2, y, 15);
        }
    }
}
