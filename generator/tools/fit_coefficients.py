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
