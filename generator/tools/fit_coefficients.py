# Fits the exp and log1p remainder polynomials used by the kernels (Emitting/VectorMath/ExpLogCoefficients.cs).
# Needs python3 with mpmath. Prints the coefficients rounded to float and double, ascending powers.
import mpmath as mp, struct
mp.mp.dps = 60
def f32(v): return struct.unpack('f', struct.pack('f', float(v)))[0]
ln2 = mp.log(2)
Q = lambda r: (mp.exp(r) - 1 - r)/r**2 if r != 0 else mp.mpf(0.5)
R = lambda f: (mp.log1p(f) - f + f*f/2)/f**3 if f != 0 else mp.mpf(1)/3
lo, hi = -ln2/2*1.001, ln2/2*1.001
fl, fh = mp.sqrt(0.5)-1-0.001, mp.sqrt(2)-1+0.001
def coeffs(f,a,b,n,rnd): return [rnd(v) for v in mp.chebyfit(f,[a,b],n)[::-1]]
out = {}
out['QSingle'] = coeffs(Q,lo,hi,5,f32)
out['RSingle'] = coeffs(R,fl,fh,9,f32)
out['QDouble'] = coeffs(Q,lo,hi,10,float)
out['RDouble'] = coeffs(R,fl,fh,19,float)
for k,v in out.items():
    print(k, len(v)-1)
    print('        ' + ',\n        '.join(repr(x) for x in v) + ',')

# The widened core (float kernels computed in double, WideningCore.cs): e^r to about 2^-32 and log1p(f) to about
# 2^-30 relative error are enough, because the result is rounded to float once at the end.
E = lambda r: (mp.exp(r) - 1 - r)/r**2 if r != 0 else mp.mpf(0.5)
P = lambda f: (mp.log1p(f) - f)/f**2 if f != 0 else mp.mpf(-0.5)
print('WideExp (e^r = 1 + r + r^2 Q(r), Q degree 5)')
print('        ' + ',\n        '.join(repr(x) for x in coeffs(E, lo*1.001, hi*1.001, 6, float)) + ',')
# u = 1 + t in [1, 2] is reduced with j = round(15 (u - 1)): f = u c_j - 1 with c_j ~ 1/(1 + j/15), |f| <= 1/30.
print('WideLog (log1p(f) = f + f^2 P(f) on [-1/32, 1/30], P degree 3)')
print('        ' + ',\n        '.join(repr(x) for x in coeffs(P, -mp.mpf(1)/32*1.01, mp.mpf(1)/30*1.01, 4, float)) + ',')
cs = [1.0 / (1 + j / 15.0) for j in range(16)]
print('WideLogInverse (c_j = 1/(1 + j/15) rounded to double)')
print('        ' + ',\n        '.join(repr(c) for c in cs) + ',')
print('WideLogOfInverse (-log(c_j), of the double c_j, rounded to double)')
print('        ' + ',\n        '.join(repr(float(-mp.log(mp.mpf(c)))) for c in cs) + ',')
