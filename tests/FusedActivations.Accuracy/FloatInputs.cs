using System;
using FusedActivations.TestSupport;

namespace FusedActivations.Accuracy;

/// <summary>
/// The float inputs of a run as a numbered sequence: every bit pattern, or every 4099th for <c>--quick</c> (4099 is
/// prime and odd, so the stride visits every exponent and both signs), followed by the special values.
/// </summary>
internal sealed class FloatInputs
{
    public const long QuickStride = 4099;
    private const long AllPatterns = 1L << 32;

    private readonly long _stride;
    private readonly long _strided;

    public FloatInputs(bool quick)
    {
        _stride = quick ? QuickStride : 1;
        _strided = (AllPatterns + _stride - 1) / _stride;
        Count = quick ? _strided + SpecialValues.Floats.Count : AllPatterns;
    }

    public long Count { get; }

    public uint Bits(long index) => index < _strided
        ? (uint)(index * _stride)
        : (uint)BitConverter.SingleToInt32Bits(SpecialValues.Floats[(int)(index - _strided)]);
}
