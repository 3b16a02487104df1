using System;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// The GELU references (and DoubleDoubleMath.Erfc under them) against mpmath at 50 digits, across the range: the
/// small-argument series, both sides of the series / continued-fraction switch at z = 3, PyTorch's failure point
/// x = -5.5, and the far left tail down to results below the double range.
/// </summary>
/// <remarks>
/// Generated with python3 and mpmath 1.3 (mp.dps = 50); each value v is printed as float(v), float(v - float(v)):
///   gelu:      X/2*mp.erfc(-X/mp.sqrt(2))                                          for X = mp.mpf(x)
///   gelu tanh: X/(1+mp.exp(-2*u)), u = B*(X + K*X**3)  (= X/2 (1 + tanh u)) with PyTorch's constants rounded to
///              the element type: B = mpf(1.4142135623730951 * 1.1283791670955126 * 0.5) (kBeta, in double),
///              K = mpf(0.044715); for float inputs B and K are those doubles rounded to float
///              (struct.unpack('f', struct.pack('f', v))[0]) and the value is printed as float(v) only
///   erfc:      m, e = mp.frexp(mp.erfc(mp.mpf(z))), printed as float(m), float(m - float(m)), e
/// </remarks>
public sealed class GeluReferenceTests
{
    // The references claim about 2^-100; allow 2^-98 relative (and one subnormal step, for trailing parts that
    // mpmath's doubles could only print rounded to the subnormal grid).
    private static readonly double s_tolerance = Math.ScaleB(1.0, -98);

    private static void AssertClose(double hi, double lo, DoubleDouble actual, string what)
    {
        DoubleDouble expected = new(hi, lo);
        double error = Math.Abs((actual - expected).Hi);
        Assert.True(error <= s_tolerance * Math.Abs(hi) + double.Epsilon, $"{what}: expected {expected}, got {actual}");
    }

    public static TheoryData<double, double, double> GeluValues => new()
    {
        { -37.5, -1.7270073785932332e-306, 1.53e-322 },
        { -37.0, -2.1184613523340935e-298, 3.147750213e-315 },
        { -30.0, -1.472014178144456e-196, -9.83344865375505e-213 },
        { -20.0, -5.507248237212468e-88, 2.2364193890143256e-104 },
        { -13.2, -5.790513581258006e-39, -3.200001083557194e-55 },
        { -13.0, -7.952313719414843e-38, -4.2716073926707114e-54 },
        { -10.0, -7.619853024160526e-23, 2.6618709732389316e-39 },
        { -7.5, -2.393168754683172e-13, -9.845943014284605e-30 },
        { -5.5, -1.0444259356238245e-07, -3.337942499739722e-24 },
        { -5.0, -1.4332578593959695e-06, -5.2039345747350155e-23 },
        { -3.0, -0.0040496940948902835, -6.522383392135303e-20 },
        { -2.5, -0.015524163314440337, -7.566408219152464e-19 },
        { -1.0000001, -0.1586552455999088, 1.1682903387337596e-17 },
        { -1.0, -0.15865525393145705, -4.9468552901786335e-18 },
        { -0.7, -0.1693745565561511, -2.4517956663294192e-18 },
        { -0.3, -0.1146265733433142, 5.207215868085079e-20 },
        { -1e-05, -4.999960105771961e-06, 3.3691882731332855e-22 },
        { -1e-200, -5e-201, 0.0 },
        { 1e-300, 5e-301, 0.0 },
        { 1e-08, 5.000000039894228e-09, 2.740640634766131e-25 },
        { 0.25, 0.14967658142073093, 5.750998594126323e-18 },
        { 0.999, 0.840261551704323, -8.511835113852216e-18 },
        { 1.0, 0.8413447460685429, 2.280872032545028e-17 },
        { 1.5, 1.399789198096713, -8.225034683827619e-17 },
        { 2.9999, 2.9958491111852634, -1.1474304887903882e-16 },
        { 3.0001, 2.9960515003147266, 1.7646595612904226e-16 },
        { 4.0, 3.9998733150326675, 2.291331969045076e-19 },
        { 6.0, 5.999999994080474, 3.3232068760353574e-16 },
        { 8.5, 8.5, -8.05760459887282e-17 },
        { 12.0, 12.0, -2.1317785344932147e-32 },
        { 39.0, 39.0, 0.0 },
    };

    public static TheoryData<double, double, double> GeluTanhValues => new()
    {
        { -21.5, -2.8e-322, -0.0 },
        { -20.0, -3.3754509563109348e-261, -8.309850278522547e-278 },
        { -13.0, -1.0511517767632498e-76, 7.378656010631231e-93 },
        { -9.0, -1.3364595947348705e-28, 4.3313614248136144e-45 },
        { -5.5, -5.9276402638802575e-09, -3.8465524015225327e-25 },
        { -3.0, -0.0036373920817730178, 9.546598774309507e-20 },
        { -1.0, -0.1588080093917233, 1.0896406565209835e-17 },
        { -0.5, -0.15428599017485609, 1.3167232244423895e-17 },
        { -1e-06, -4.999996010577196e-07, 1.418649508691346e-23 },
        { 1e-09, 5.000000003989423e-10, -1.3952623634937845e-27 },
        { 0.5, 0.34571400982514394, -1.458834337120502e-17 },
        { 1.0, 0.8411919906082768, -4.4614744666047995e-17 },
        { 2.0, 1.954597694087775, 7.737786292204398e-17 },
        { 3.0, 2.996362607918227, 1.4321015275582967e-16 },
        { 4.0, 3.9999297540518075, 1.2064405601774565e-16 },
        { 6.0, 5.9999999999156035, 2.2789122396853528e-17 },
        { 9.5, 9.5, -6.67892876678387e-33 },
    };

    public static TheoryData<float, double> GeluTanhFloatValues => new()
    {
        { -10.25f, -3.430531636697082e-40 },
        { -9.0f, -1.3364594779379997e-28 },
        { -5.5f, -5.927639219498236e-09 },
        { -3.0f, -0.003637391630755605 },
        { -1.0f, -0.15880800339351428 },
        { -0.5f, -0.154285987762303 },
        { 0.25f, 0.14967535138211358 },
        { 1.0f, 0.8411919966064857 },
        { 2.0f, 1.954597697955308 },
        { 3.5f, 3.4993838024307755 },
    };

    public static TheoryData<double, double, double, int> ErfcValues => new()
    {
        { 0.1, 0.887537083981715, 5.4585601489869416e-17, 0 },
        { 1.0, 0.6291968282011405, -1.1818255306041248e-17, -2 },
        { 1.7, 0.518705325095214, -6.542208597352963e-19, -5 },
        { 1.8, 0.6982078953132341, 3.850887183784647e-17, -6 },
        { 2.0, 0.5987500775740501, -4.965662505810081e-17, -7 },
        { 2.5, 0.8334377317272759, 4.260448579606024e-17, -11 },
        { 2.9, 0.6733476347815339, 8.049056384682116e-18, -14 },
        { 3.1, 0.7634064092167923, 2.6415115208802053e-17, -16 },
        { 5.0, 0.8452274606058615, -4.711087489225751e-17, -39 },
        { 10.0, 0.7451972712925343, -4.2840858208199295e-17, -148 },
        { 20.0, 0.8541194291288966, -3.9542750052695306e-17, -582 },
        { 26.5, 0.6210208640408427, 7.03126585540536e-18, -1018 },
        { 26.870057685088806, 0.8702534464519189, -3.139447061543473e-17, -1047 },
        { 27.3, 0.5649791796602578, 2.6345377906325002e-17, -1080 },
        { -0.5, 0.7602499389065233, 9.500387339581435e-18, 1 },
        { -2.0, 0.9976611325094764, -4.4475158314769575e-17, 1 },
        { -3.5, 0.9999996284508138, 2.4823639593606102e-17, 1 },
    };

    [Theory]
    [MemberData(nameof(GeluValues))]
    public void GeluMatchesMpmath(double x, double hi, double lo) => AssertClose(hi, lo, Reference.Gelu(x), $"gelu({x:R})");

    [Theory]
    [MemberData(nameof(GeluTanhValues))]
    public void GeluTanhMatchesMpmath(double x, double hi, double lo) =>
        AssertClose(hi, lo, Reference.GeluTanh(x), $"gelu_tanh({x:R})");

    [Theory]
    [MemberData(nameof(GeluTanhFloatValues))]
    public void GeluTanhWithFloatConstantsMatchesMpmath(float x, double expected) =>
        Assert.Equal(expected, Reference.GeluTanh(x));

    [Theory]
    [MemberData(nameof(ErfcValues))]
    public void ErfcMantissaMatchesMpmath(double z, double hi, double lo, int exponent)
    {
        // Compared as mantissas, so that erfc(27) (about 10^-325, below the double range) is checked at full precision.
        DoubleDouble m = DoubleDoubleMath.ErfcScaled(z, out int k);
        AssertClose(hi, lo, m.ScaleB(k - exponent), $"erfc({z:R})");
    }
}
