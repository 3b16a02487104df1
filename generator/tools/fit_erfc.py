# Fits the polynomials of FusedMath.Gelu's normal tail Q(t) = erfc(t / sqrt 2) / 2 (src/FusedActivations/Math/
# FusedMath.NormalTail.cs) and measures their error after the coefficients are rounded to double.
# Needs python3 with mpmath only: python3 generator/tools/fit_erfc.py  (about a minute).
#
# Pieces, for t = |x| (each argument below is computed from t with a small or no rounding error, see the C# file):
#   small: t <= 1      Q(t) = 1/2 - t E(t^2),       E(s) = erf(sqrt(s/2)) / (2 sqrt s), polynomial in s = t^2
#   mid:   1 < t <= 3  Q(t) = exp(-t^2/2) R(t),     R(t) = Q(t) exp(t^2/2), polynomial in d = t - 2 (exact)
#   tail:  3 < t       Q(t) = exp(-t^2/2) G(w) / t, G = t R(t) as a function of w = 1/t^2, polynomial in
#                      v = A w + B, with A, B the doubles printed below (v spans about [-1, 1])
# Coefficients come from mpmath's Chebyshev interpolation (near-minimax), ascending powers, rounded to double; the
# error printed is the maximum relative error of the rounded polynomial (evaluated exactly) over 3000 points.
import mpmath as mp
mp.mp.dps = 50

def Q(t): return mp.erfc(t / mp.sqrt(2)) / 2
def R(t): return Q(t) * mp.exp(t * t / 2)
def E(s): return mp.erf(mp.sqrt(s / 2)) / (2 * mp.sqrt(s)) if s > 0 else 1 / mp.sqrt(2 * mp.pi)

def fit(f, a, b, degree, split):
    exact = mp.chebyfit(f, [a, b], degree + 1)[::-1]
    coeffs = [float(c) for c in exact]
    if split:
        # The constant term as a pair of doubles (hi + lo), added last in compensated arithmetic.
        coeffs.insert(1, float(exact[0] - mp.mpf(coeffs[0])))
    worst = mp.mpf(0)
    n = 3000
    for i in range(n + 1):
        u = a + (b - a) * mp.mpf(i) / n
        p = mp.mpf(0)
        for c in reversed(coeffs[2:] if split else coeffs[1:]):
            p = p * u + mp.mpf(c)
        p = p * u + mp.mpf(coeffs[0]) + (mp.mpf(coeffs[1]) if split else 0)
        worst = max(worst, abs(p / f(u) - 1))
    return coeffs, worst

def show(name, coeffs, worst, note, split):
    degree = len(coeffs) - (2 if split else 1)
    first = ' (constant term as hi, lo)' if split else ''
    print(f'// {name}: degree {degree}{first}, {note}, max relative error 2^{float(mp.log(worst, 2)):.1f}')
    print('    ' + ',\n    '.join(repr(c) for c in coeffs) + ',')

def tail_map(t_lo, t_hi):
    w0, w1 = 1 / mp.mpf(t_hi) ** 2, 1 / mp.mpf(t_lo) ** 2
    a = float(2 / (w1 - w0))
    b = float(-(w1 + w0) / (w1 - w0))
    return a, b, a * w0 + b, a * w1 + b

def G_of_v(a, b):
    def g(v):
        w = (v - mp.mpf(b)) / mp.mpf(a)
        t = 1 / mp.sqrt(w)
        return t * R(t)
    return g

# Double precision: the full range of t where a double GELU result is not zero (t <= 40).
# Float precision (computed in double, rounded once to float): relative error <= 2^-40 is enough; t <= 16 covers
# every float result that does not round to zero (those end near t = 14.3).
for label, degrees, t_max, split in (('Double', (10, 19, 24), 40, True), ('Fast', (7, 14, 14), 16, False)):
    a, b, v0, v1 = tail_map(3, t_max)
    print(f'==== {label}: tail map A = {a!r}, B = {b!r} (v from {float(v0)!r} to {float(v1)!r})')
    show(f'Small{label} E(s), s in [0, 1]', *fit(E, 0, 1, degrees[0], split), 'in s = t^2', split)
    show(f'Mid{label} R(2 + d), d in [-1, 1]', *fit(lambda d: R(2 + d), -1, 1, degrees[1], split), 'in d = t - 2', split)
    show(f'Tail{label} G(v), t in [3, {t_max}]', *fit(G_of_v(a, b), mp.mpf(v0), mp.mpf(v1), degrees[2], split), 'in v', split)
