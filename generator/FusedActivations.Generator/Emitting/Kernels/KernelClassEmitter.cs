using System.Collections.Generic;
using FusedActivations.Generator.Activations;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Emitting.Kernels;

/// <summary>
/// The kernel engine: writes a shared kernel class for any <see cref="Activation"/>, generic over a struct that supplies
/// the folded constants of one method (beta, threshold, ...) through static abstract members, so that every method
/// whose formula has the same shape (activation, element type, unroll factor, ...) uses one class, and the JIT, which
/// specializes generic code for each struct, folds the constants back into the machine code exactly as literals would
/// be (measured: scripts/probes/shared-kernel.sh). The class holds the argument checks, the dispatch over
/// instruction-set paths, one loop per path (unrolled main loop, single vectors, then one last vector that overlaps the
/// previous ones, as <c>TensorPrimitives</c> does) and one step function per path, all computing the activation's one
/// formula; the interface of its constants structs follows the class.
/// </summary>
internal static class KernelClassEmitter
{
    /// <summary>The interface a method's constants struct implements for the kernel class <paramref name="className"/>.</summary>
    public static string ConstantsInterface(string className) => "I" + className + "Constants";

    public static void Emit(IndentedWriter w, KernelSpec kernel, string? runtimeAlias, string className)
    {
        ElementInfo element = ElementInfo.For(kernel.Element);
        Activation activation = ActivationRegistry.For(kernel.Activation);
        IReadOnlyList<KernelConstant> folded = activation.FoldedFor(kernel.Activation, element, kernel.Precision);
        var constants = new ConstantTable(element);
        foreach (KernelConstant constant in folded)
        {
            constants.Add(constant);
        }

        // The steps come first, into their own writer: the formulas declare the constants they use as they go.
        var steps = new IndentedWriter { Indent = w.Indent + 1 };
        foreach (IsaDialect isa in IsaDialect.All)
        {
            if (isa.IsVector && kernel.Unroll > 1)
            {
                steps.Line();
                WriteUnrolledStep(steps, isa, element, activation, kernel, constants);
            }

            steps.Line();
            WriteStep(steps, isa, element, activation, kernel, constants);
        }

        string T = element.Name;
        w.Line("/// <summary>");
        w.Line($"/// {activation.Name} kernels, {T}: {activation.Describe(kernel.Activation, element)},");
        string? shape = activation.DescribeShape(kernel.Activation, element, IsFast(kernel, activation, element));
        w.Line($"/// for every method whose constants struct <typeparamref name=\"TConstants\"/> has this shape{(shape is null ? "" : " (" + shape + ")")}.");
        w.Line("/// </summary>");
        w.Line("/// <remarks>");
        w.Line("/// Paths, chosen by JIT-time constant checks, widest first: " + string.Join("; ", PathList(element)) + ".");
        w.Line($"/// Main loops handle {kernel.Unroll} vector{(kernel.Unroll == 1 ? "" : "s")} per iteration.");
        w.Line("/// " + (IsFast(kernel, activation, element) ? FastRounding : DescribeRounding(activation, element)));
        w.Line("/// The JIT compiles this class for each constants struct and folds the constants into the code as literals.");
        w.Line("/// Loops and steps are compiled fully optimized from the first call (AggressiveOptimization): a tier-0 step is");
        w.Line("/// ~100x slower, and the kernels have no branches for dynamic PGO to improve.");
        w.Line("/// </remarks>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{Emitter.GeneratorName}\", \"{Emitter.GeneratorVersion}\")]");
        using (w.OpenBlock($"internal static class {className}<TConstants> where TConstants : struct, {ConstantsInterface(className)}"))
        {
            KernelHelpers.WriteConstants(w, element, constants);
            WriteApply(w, element);
            w.Line();
            WriteDispatch(w, element);
            string trace = (runtimeAlias ?? "global") + "::FusedActivations.";
            foreach (IsaDialect isa in IsaDialect.All)
            {
                w.Line();
                WriteLoop(w, isa, element, kernel.Unroll, trace);
            }

            w.Raw(steps.ToString());
            foreach (ElementType type in constants.TwoProductErrorTypes)
            {
                w.Line();
                KernelHelpers.WriteDekker(w, ElementInfo.For(type));
            }

            w.Line();
            WriteThrowHelpers(w);
        }

        w.Line();
        WriteConstantsInterface(w, activation, className, element, folded);
    }

    /// <summary>Whether the kernel computes <paramref name="activation"/>'s Fast formula: Fast asked for, and the activation has one for the element type.</summary>
    public static bool IsFast(KernelSpec kernel, Activation activation, ElementInfo element) =>
        kernel.Precision == KernelPrecision.Fast && activation.HasFast(kernel.Activation, element);

    private const string FastRounding = "Precision = Fast: every path computes in the element type with short polynomials and no compensation, within 4 ULP (the FMA paths agree bit for bit).";

    /// <summary>Whether the step on <paramref name="isa"/> computes in double and rounds once (Accurate float kernels of most activations).</summary>
    private static bool Widens(IsaDialect isa, ElementInfo element, Activation activation, KernelSpec kernel) =>
        !IsFast(kernel, activation, element) && activation.Widens(isa, element);

    /// <summary>The formula in the element type: the Fast one where the kernel is Fast.</summary>
    private static Value Forward(FormulaBuilder b, Activation activation, KernelSpec kernel, Value x) =>
        IsFast(kernel, activation, b.Element) ? activation.ForwardFast(b, x, kernel.Activation) : activation.Forward(b, x, kernel.Activation);

    /// <summary>What the kernel documents about rounding, from which paths widen.</summary>
    private static string DescribeRounding(Activation activation, ElementInfo element)
    {
        var widening = new List<string>();
        bool all = true;
        foreach (IsaDialect isa in IsaDialect.All)
        {
            if (activation.Widens(isa, element))
            {
                widening.Add(isa.Name switch { "Avx512" => "AVX-512", "Avx2" => "AVX2", "AdvSimd" => "NEON", "Scalar" => "scalar", _ => isa.Name });
            }
            else
            {
                all = false;
            }
        }

        if (widening.Count == 0)
        {
            return "Every FMA path (and the scalar one) rounds identically, so they agree bit for bit.";
        }

        return all
            ? activation.DescribeWidenedPaths(element) ?? "Every path computes in double and rounds to float once (the FMA paths agree bit for bit)."
            : $"The {string.Join(" and ", widening)} paths widen to double and round once (they agree bit for bit); the others use compensated float arithmetic (the FMA ones agree bit for bit).";
    }

    /// <summary>The interface of the constants structs of the methods that call <paramref name="className"/>.</summary>
    private static void WriteConstantsInterface(IndentedWriter w, Activation activation, string className, ElementInfo element, IReadOnlyList<KernelConstant> folded)
    {
        w.Line($"/// <summary>The folded constants of a {element.Name} {activation.Name} method, as <see cref=\"{className}{{TConstants}}\"/> reads them.</summary>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{Emitter.GeneratorName}\", \"{Emitter.GeneratorVersion}\")]");
        using (w.OpenBlock($"internal interface {ConstantsInterface(className)}"))
        {
            foreach (KernelConstant constant in folded)
            {
                w.Line($"/// <summary>{constant.Name}: see the method's constants struct.</summary>");
                w.Line($"static abstract {(constant.Type ?? element).Name} {constant.Name} {{ get; }}");
            }
        }
    }

    private static IEnumerable<string> PathList(ElementInfo element)
    {
        foreach (IsaDialect isa in IsaDialect.All)
        {
            yield return isa.Describe(element);
        }
    }

    /// <summary>
    /// The entry point of span-to-span methods: the argument checks of <c>TensorPrimitives</c>, then the dispatch. The
    /// caller passes its parameter's name as a string literal, so the method body in the user's type needs no <c>nameof</c>.
    /// </summary>
    private static void WriteApply(IndentedWriter w, ElementInfo element)
    {
        string T = element.Name;
        w.Line("/// <summary>Checks the arguments, then computes every element of <paramref name=\"x\"/> into <paramref name=\"destination\"/>.</summary>");
        using (w.OpenBlock($"public static void Apply(ReadOnlySpan<{T}> x, Span<{T}> destination, string destinationName)"))
        {
            using (w.OpenBlock("if (x.Length > destination.Length)"))
            {
                w.Line("ThrowDestinationTooShort(destinationName);");
            }

            w.Line();
            w.Line("// Exactly in place (the same first element) is allowed, any other overlap is not. Overlaps without an offset");
            w.Line("// also answers for spans whose addresses differ by part of an element (the overload with an offset throws).");
            using (w.OpenBlock($"if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(destination)) && MemoryExtensions.Overlaps(x, (ReadOnlySpan<{T}>)destination))"))
            {
                w.Line("ThrowOverlap(destinationName);");
            }

            w.Line();
            w.Line("Run(x, destination.Slice(0, x.Length));");
        }
    }

    private static void WriteDispatch(IndentedWriter w, ElementInfo element)
    {
        string T = element.Name;
        w.Line("/// <summary>Computes the activation of every element of <paramref name=\"x\"/> into <paramref name=\"destination\"/> (same length; may be the same memory).</summary>");
        using (w.OpenBlock($"public static void Run(ReadOnlySpan<{T}> x, Span<{T}> destination)"))
        {
            w.Line($"ref {T} source = ref MemoryMarshal.GetReference(x);");
            w.Line($"ref {T} target = ref MemoryMarshal.GetReference(destination);");
            w.Line("nuint length = (nuint)x.Length;");
            w.Line();
            using (w.OpenBlock("if (length == 0)"))
            {
                w.Line("return;");
            }

            foreach (IsaDialect isa in IsaDialect.All)
            {
                if (!isa.IsVector)
                {
                    w.Line();
                    w.Line($"Run{isa.Name}(ref source, ref target, length);");
                    continue;
                }

                w.Line();
                using (w.OpenBlock($"if ({isa.Guard(element)})"))
                {
                    w.Line($"Run{isa.Name}(ref source, ref target, length);");
                    w.Line("return;");
                }
            }
        }
    }

    private static void WriteLoop(IndentedWriter w, IsaDialect isa, ElementInfo element, int unroll, string trace)
    {
        string T = element.Name;
        string step = isa.Name + "Step";
        w.Line($"/// <summary>The loop of the {isa.Name} path: {isa.Describe(element)}.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        using (w.OpenBlock($"private static void Run{isa.Name}(ref {T} x, ref {T} destination, nuint length)"))
        {
            w.Directive("#if FUSEDACTIVATIONS_TRACE");
            w.Line($"{trace}KernelTrace.Record({trace}SimdPath.{isa.Name});");
            w.Directive("#endif");
            if (!isa.IsVector)
            {
                using (w.OpenBlock("for (nuint i = 0; i < length; i++)"))
                {
                    w.Line(isa.Store($"{step}({isa.Load("x", "i")})", "destination", "i") + ";");
                }

                return;
            }

            string V = isa.Type(element);
            w.Line($"nuint count = (nuint){V}.Count;");
            w.Line();
            using (w.OpenBlock("if (length < count)"))
            {
                w.Line("// Shorter than one vector: through a vector-sized buffer, so that every length gets this path's results.");
                w.Line($"{V} lanes = {V}.Zero;");
                w.Line($"ref {T} buffer = ref Unsafe.As<{V}, {T}>(ref lanes);");
                using (w.OpenBlock("for (nuint j = 0; j < length; j++)"))
                {
                    w.Line("Unsafe.Add(ref buffer, j) = Unsafe.Add(ref x, j);");
                }

                w.Line($"lanes = {step}(lanes);");
                using (w.OpenBlock("for (nuint j = 0; j < length; j++)"))
                {
                    w.Line("Unsafe.Add(ref destination, j) = Unsafe.Add(ref buffer, j);");
                }

                w.Line("return;");
            }

            w.Line();
            w.Line("// The last vector is computed before anything is stored: in place (destination == x) it must read the");
            w.Line("// original input, and storing it last rewrites the elements it shares with earlier vectors with equal values.");
            w.Line($"{V} last = {step}({isa.Load("x", "length - count")});");
            w.Line("nuint i = 0;");
            if (unroll > 1)
            {
                w.Line();
                using (w.OpenBlock($"for (; i + {unroll} * count <= length; i += {unroll} * count)"))
                {
                    w.Line($"{isa.Name}Steps(ref x, ref destination, i);");
                }
            }

            w.Line();
            using (w.OpenBlock("for (; i + count <= length; i += count)"))
            {
                w.Line(isa.Store($"{step}({isa.Load("x", "i")})", "destination", "i") + ";");
            }

            w.Line();
            using (w.OpenBlock("if (i != length)"))
            {
                w.Line(isa.Store("last", "destination", "length - count") + ";");
            }
        }
    }

    /// <summary>
    /// The unrolled step: <paramref name="kernel"/>.Unroll vectors computed side by side, statement by statement, so
    /// that independent work is always in flight (one vector's formula is a long dependency chain). All loads come
    /// before all stores, so exact in-place calls stay correct. A widened formula with more vectors than
    /// <see cref="Activation.WideGroupOn"/> is computed in groups, each a call of its own method (<see cref="WriteGroup"/>).
    /// </summary>
    private static void WriteUnrolledStep(IndentedWriter w, IsaDialect isa, ElementInfo element, Activation activation, KernelSpec kernel, ConstantTable constants)
    {
        int unroll = kernel.Unroll;
        string T = element.Name;
        string V = isa.Type(element);
        bool widens = Widens(isa, element, activation, kernel);
        int group = System.Math.Min(unroll, widens ? activation.WideGroupOn(isa, kernel.Activation) : activation.GroupOn(isa, kernel.Activation));
        if (group < unroll)
        {
            WriteGroup(w, isa, element, activation, kernel, constants, group);
            w.Line();
        }

        string sideBySide = group == unroll ? "side by side" : group == 1 ? $"one at a time, each a call of {isa.Name}Group" : $"{group} at a time side by side, each group a call of {isa.Name}Group";
        w.Line($"/// <summary>{activation.Name} of {unroll} consecutive vectors at <paramref name=\"i\"/>, {sideBySide} ({isa.Describe(element)}).</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        using (w.OpenBlock($"private static void {isa.Name}Steps(ref {T} source, ref {T} destination, nuint i)"))
        {
            w.Line($"nuint count = (nuint){V}.Count;");
            if (group < unroll)
            {
                for (int first = 0; first < unroll; first += group)
                {
                    w.Line($"{isa.Name}Group(ref source, ref destination, {Offset(first)});");
                }

                return;
            }

            WriteSideBySide(w, isa, element, activation, kernel, constants, unroll);
        }
    }

    /// <summary>
    /// The method that computes one group of <paramref name="group"/> vectors, side by side. Groups are calls, not
    /// consecutive blocks of one method: there the JIT keeps each constant of the formula in a register from its first use
    /// in the first group to its last use in the last one, and the constants and intermediates spill (Stopwatch probe, 64
    /// Ki floats: GELU on AVX2, one vector per group, 1.43 ns/element as blocks, 1.14 as calls; Softplus Unroll = 8 on
    /// AVX-512, groups of 4, 1.43 as blocks, 0.475 as calls, the same as Unroll = 4).
    /// </summary>
    private static void WriteGroup(IndentedWriter w, IsaDialect isa, ElementInfo element, Activation activation, KernelSpec kernel, ConstantTable constants, int group)
    {
        string T = element.Name;
        string V = isa.Type(element);
        string vectors = group == 1 ? "the vector" : $"{group} consecutive vectors";
        w.Line($"/// <summary>{activation.Name} of {vectors} at <paramref name=\"i\"/>{(group == 1 ? "" : ", side by side")}, one group of {isa.Name}Steps ({isa.Describe(element)}).</summary>");
        w.Line("[MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]");
        using (w.OpenBlock($"private static void {isa.Name}Group(ref {T} source, ref {T} destination, nuint i)"))
        {
            if (group > 1)
            {
                w.Line($"nuint count = (nuint){V}.Count;");
            }

            WriteSideBySide(w, isa, element, activation, kernel, constants, group);
        }
    }

    /// <summary>Loads <paramref name="vectors"/> vectors at i, computes them side by side, and stores them.</summary>
    private static void WriteSideBySide(IndentedWriter w, IsaDialect isa, ElementInfo element, Activation activation, KernelSpec kernel, ConstantTable constants, int vectors)
    {
        for (int u = 0; u < vectors; u++)
        {
            w.Line($"var {LocalValue.LaneName("x", u, vectors)} = {isa.Load("source", Offset(u))};");
        }

        System.Func<int, string, string> store = (u, result) => isa.Store($"({result})", "destination", Offset(u)) + ";";
        if (Widens(isa, element, activation, kernel))
        {
            WriteWidened(w, isa, activation, kernel, constants, new NameScope(), vectors, store);
            return;
        }

        var b = new FormulaBuilder(w, isa, element, constants, new NameScope(), vectors, store);
        b.Return(Forward(b, activation, kernel, b.Input("x")));
    }

    private static string Offset(int u) => u == 0 ? "i" : u == 1 ? "i + count" : $"i + {u} * count";

    /// <summary>
    /// The widened float formula for <paramref name="vectors"/> float vectors x (or x_0, x_1, ...): each is split into
    /// double vectors w_*, all of them computed side by side, and the results rounded back to float vectors y_* before
    /// the activation's epilogue. <paramref name="result"/> consumes each lane's final expression (null: return it).
    /// </summary>
    private static void WriteWidened(IndentedWriter w, IsaDialect isa, Activation activation, KernelSpec kernel, ConstantTable constants, NameScope names, int vectors, System.Func<int, string, string>? result)
    {
        int factor = isa.WideningFactor;
        int wideLanes = vectors * factor;
        string x = names.Claim("x");
        string wide = names.Claim("w");
        string yWide = names.Claim("yw");
        string y = names.Claim("y");
        w.Line(factor == 1
            ? "// Widened: computed in double and rounded to float once, at the end."
            : "// Widened: each half of the float vector is computed in double, and the result rounded to float once, at the end.");
        for (int v = 0; v < vectors; v++)
        {
            for (int p = 0; p < factor; p++)
            {
                w.Line($"var {LocalValue.LaneName(wide, v * factor + p, wideLanes)} = {isa.Widen(LocalValue.LaneName(x, v, vectors), p)};");
            }
        }

        var b = new FormulaBuilder(w, isa, ElementInfo.Double, constants, names, wideLanes, (l, e) => $"var {LocalValue.LaneName(yWide, l, wideLanes)} = {e};");
        b.Return(activation.ForwardWide(b, new LocalValue(wide, ElementInfo.Double, isMask: false), kernel.Activation));
        for (int v = 0; v < vectors; v++)
        {
            var parts = new string[factor];
            for (int p = 0; p < factor; p++)
            {
                parts[p] = LocalValue.LaneName(yWide, v * factor + p, wideLanes);
            }

            w.Line($"var {LocalValue.LaneName(y, v, vectors)} = {isa.Narrow(parts)};");
        }

        var narrow = new FormulaBuilder(w, isa, ElementInfo.Single, constants, names, vectors, result);
        narrow.Return(activation.Epilogue(narrow, new LocalValue(x, ElementInfo.Single, isMask: false), new LocalValue(y, ElementInfo.Single, isMask: false), kernel.Activation));
    }

    private static void WriteStep(IndentedWriter w, IsaDialect isa, ElementInfo element, Activation activation, KernelSpec kernel, ConstantTable constants)
    {
        string type = isa.Type(element);
        w.Line($"/// <summary>{activation.Name} of {(isa.IsVector ? "one vector" : "one element")} ({isa.Describe(element)}).</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]");
        string visibility = isa.IsVector ? "private" : "public";
        using (w.OpenBlock($"{visibility} static {type} {isa.Name}Step({type} x)"))
        {
            if (Widens(isa, element, activation, kernel))
            {
                WriteWidened(w, isa, activation, kernel, constants, new NameScope(), 1, null);
                return;
            }

            var b = new FormulaBuilder(w, isa, element, constants, new NameScope());
            b.Return(Forward(b, activation, kernel, b.Input("x")));
        }
    }

    private static void WriteThrowHelpers(IndentedWriter w)
    {
        w.Line("/// <summary>Throws the exception TensorPrimitives throws for a destination shorter than the input.</summary>");
        w.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
        using (w.OpenBlock("private static void ThrowDestinationTooShort(string parameterName)"))
        {
            w.Line("throw new ArgumentException(\"Destination is too short: it must have at least as many elements as the input.\", parameterName);");
        }

        w.Line();
        w.Line("/// <summary>Throws for a destination that overlaps the input other than exactly (in place).</summary>");
        w.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
        using (w.OpenBlock("private static void ThrowOverlap(string parameterName)"))
        {
            w.Line("throw new ArgumentException(\"The destination overlaps the input but does not start at the same element: use separate memory, or the same span for an in-place call.\", parameterName);");
        }
    }
}
