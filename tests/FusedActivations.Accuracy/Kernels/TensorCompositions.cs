using System;
using System.Numerics;
using System.Numerics.Tensors;
using FusedActivations.TestSupport;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// The activations TensorPrimitives has no operation for, composed from its operations as a user would: one pass per
/// operation over temporaries, each rounding to the element type. Temporaries are allocated per call: the accuracy
/// command passes chunks, so they are a few hundred KiB at most. Parameters are rounded to the element type first.
/// </summary>
internal static class TensorCompositions
{
    /// <summary>max(x, 0) + Log(Exp(-|βx|) + 1)/β (Add 1 then Log is what <c>TensorPrimitives.LogP1</c> does), then PyTorch's threshold rule.</summary>
    public static void Softplus<T>(ReadOnlySpan<T> x, Span<T> destination, ActivationParameters p)
        where T : IFloatingPointIeee754<T>
    {
        T beta = T.CreateChecked(p.Parameter), threshold = T.CreateChecked(p.Threshold);
        T[] bx = new T[x.Length];
        T[] tail = new T[x.Length];
        TensorPrimitives.Multiply(x, beta, bx);
        TensorPrimitives.Abs(bx, tail);
        TensorPrimitives.Negate(tail, tail);
        TensorPrimitives.Exp(tail, tail);
        TensorPrimitives.Add(tail, T.One, tail);
        TensorPrimitives.Log(tail, tail);
        TensorPrimitives.Divide(tail, beta, tail);
        TensorPrimitives.Max(x, T.Zero, destination);
        TensorPrimitives.Add(destination, tail, destination);
        for (int i = 0; i < x.Length; i++)
        {
            if (bx[i] > threshold)
            {
                destination[i] = x[i];
            }
        }
    }

    /// <summary>x · Sigmoid(βx).</summary>
    public static void Silu<T>(ReadOnlySpan<T> x, Span<T> destination, ActivationParameters p)
        where T : IFloatingPointIeee754<T>
    {
        T[] t = new T[x.Length];
        TensorPrimitives.Multiply(x, T.CreateChecked(p.Parameter), t);
        TensorPrimitives.Sigmoid(t, t);
        TensorPrimitives.Multiply(x, t, destination);
    }

    /// <summary>x · Tanh(Log(Exp(x) + 1)).</summary>
    public static void Mish<T>(ReadOnlySpan<T> x, Span<T> destination, ActivationParameters p)
        where T : IFloatingPointIeee754<T>
    {
        T[] t = new T[x.Length];
        TensorPrimitives.Exp(x, t);
        TensorPrimitives.Add(t, T.One, t);
        TensorPrimitives.Log(t, t);
        TensorPrimitives.Tanh(t, t);
        TensorPrimitives.Multiply(x, t, destination);
    }

    /// <summary>Max(x, 0) + α ExpM1(Min(x, 0)): x where x &gt; 0 (ExpM1(0) = 0), α expm1(x) elsewhere.</summary>
    public static void Elu<T>(ReadOnlySpan<T> x, Span<T> destination, ActivationParameters p)
        where T : IFloatingPointIeee754<T> =>
        PositiveAndExpM1(x, destination, T.One, T.CreateChecked(p.Parameter));

    /// <summary>scale Max(x, 0) + (α scale) ExpM1(Min(x, 0)) with PyTorch's constants folded as it does per element type.</summary>
    public static void Selu<T>(ReadOnlySpan<T> x, Span<T> destination, ActivationParameters p)
        where T : IFloatingPointIeee754<T>
    {
        bool isFloat = typeof(T) == typeof(float);
        T scale = isFloat ? T.CreateChecked(Reference.SeluScaleFloat) : T.CreateChecked(Reference.SeluScale);
        T negative = isFloat ? T.CreateChecked(Reference.SeluNegativeCoefficientFloat) : T.CreateChecked(Reference.SeluNegativeCoefficient);
        PositiveAndExpM1(x, destination, scale, negative);
    }

    /// <summary>Log(Sigmoid(x)).</summary>
    public static void LogSigmoid<T>(ReadOnlySpan<T> x, Span<T> destination, ActivationParameters p)
        where T : IFloatingPointIeee754<T>
    {
        TensorPrimitives.Sigmoid(x, destination);
        TensorPrimitives.Log(destination, destination);
    }

    /// <summary>Max(x, slope · x), which is Leaky ReLU for slope &lt;= 1.</summary>
    public static void LeakyRelu<T>(ReadOnlySpan<T> x, Span<T> destination, ActivationParameters p)
        where T : IFloatingPointIeee754<T>
    {
        T[] t = new T[x.Length];
        TensorPrimitives.Multiply(x, T.CreateChecked(p.Parameter), t);
        TensorPrimitives.Max(x, t, destination);
    }

    /// <summary>x · Min(Max(x + 3, 0), 6) / 6.</summary>
    public static void HardSwish<T>(ReadOnlySpan<T> x, Span<T> destination, ActivationParameters p)
        where T : IFloatingPointIeee754<T>
    {
        T three = T.CreateChecked(3), six = T.CreateChecked(6);
        T[] t = new T[x.Length];
        TensorPrimitives.Add(x, three, t);
        TensorPrimitives.Max(t, T.Zero, t);
        TensorPrimitives.Min(t, six, t);
        TensorPrimitives.Multiply(x, t, destination);
        TensorPrimitives.Divide(destination, six, destination);
    }

    private static void PositiveAndExpM1<T>(ReadOnlySpan<T> x, Span<T> destination, T positive, T negative)
        where T : IFloatingPointIeee754<T>
    {
        T[] t = new T[x.Length];
        TensorPrimitives.Min(x, T.Zero, t);
        TensorPrimitives.ExpM1(t, t);
        TensorPrimitives.Multiply(t, negative, t);
        TensorPrimitives.Max(x, T.Zero, destination);
        TensorPrimitives.Multiply(destination, positive, destination);
        TensorPrimitives.Add(destination, t, destination);
    }
}
