using System.Collections.Generic;
using FusedActivations.Generator.Emitting.Activations;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.VectorMath;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Emitting.Kernels;

/// <summary>
/// Writes a shared kernel class: generic over a struct that supplies the folded constants of one method (beta,
/// threshold, ...) through static abstract members, so that every method whose formula has the same shape (element
/// type, unroll factor, whether beta is a power of two, ...) uses one class, and the JIT, which specializes generic code
/// for each struct, folds the constants back into the machine code exactly as literals would be (measured:
/// scripts/probes/shared-kernel.sh). The class holds the argument checks, the dispatch over instruction-set paths, one
/// loop per path (unrolled main loop, single vectors, then one last vector that overlaps the previous ones, as
/// <c>TensorPrimitives</c> does) and one step function per path, all computing the same formula.
/// </summary>
internal static class KernelClassEmitter
{
    /// <summary>
    /// The interface a method's constants struct implements for a kernel of <paramref name="element"/>. Its name, like
    /// the kernels', ends with <paramref name="assemblyTag"/> (a hash of the assembly's name): these types are internal,
    /// and an assembly that sees another's internals (InternalsVisibleTo) must not find the same names there (CS0436).
    /// </summary>
    public static string ConstantsInterface(ElementType element, string assemblyTag) =>
        "ISoftplus" + element + "Constants_" + assemblyTag;

    /// <summary>
    /// The constants a method supplies, with the comments that say how they were folded. Every constant of the
    /// interface is there (InvBetaLo is 0 when beta is a power of two and the kernel does not read it).
    /// </summary>
    public static IEnumerable<KernelConstant> FoldedConstants(KernelSpec kernel)
    {
        ElementInfo element = ElementInfo.For(kernel.Element);
        SoftplusConstants folded = SoftplusConstants.Fold((SoftplusSpec)kernel.Activation, element);
        var all = new List<KernelConstant>(SoftplusFormula.Constants(folded, ExpReduction.For(element.Type)));
        if (element.Type == ElementType.Single)
        {
            all.AddRange(SoftplusWideFormula.Constants(folded));
        }

        bool hasLow = false;
        foreach (KernelConstant constant in all)
        {
            if (constant.IsFolded)
            {
                hasLow |= constant.Name == "InvBetaLo";
                yield return constant;
            }
        }

        if (!hasLow)
        {
            yield return new KernelConstant("InvBetaLo", 0, "0: beta is a power of two, so 1/beta is exact and the kernel does not read this.", isFolded: true);
        }
    }

    /// <summary>The members of <see cref="ConstantsInterface"/>: name, type and meaning.</summary>
    public static IEnumerable<(string Name, ElementInfo Type, string Doc)> InterfaceMembers(ElementType element)
    {
        ElementInfo t = ElementInfo.For(element);
        yield return ("Beta", t, "beta, rounded to the element type.");
        yield return ("InvBetaHi", t, "1/beta, rounded to the element type.");
        yield return ("InvBetaLo", t, "1/beta - InvBetaHi (0 when beta is a power of two).");
        yield return ("Cutoff", t, "The smallest x with fl(beta * x) > threshold (+infinity when there is none).");
        yield return ("Clamp", t, "Beyond |x| = Clamp, exp(-beta|x|)/beta is below half the smallest subnormal.");
        if (element == ElementType.Single)
        {
            yield return ("WideBeta", ElementInfo.Double, "beta rounded to float, held in a double (the widened paths).");
            yield return ("WideInvBeta", ElementInfo.Double, "1/beta in double (the widened paths).");
        }
    }

    public static void Emit(IndentedWriter w, KernelSpec kernel, string? runtimeAlias, string assemblyTag, string className)
    {
        ElementInfo element = ElementInfo.For(kernel.Element);
        var softplus = (SoftplusSpec)kernel.Activation;
        SoftplusConstants folded = SoftplusConstants.Fold(softplus, element);
        ExpReduction reduction = ExpReduction.For(element.Type);
        string T = element.Name;

        w.Line("/// <summary>");
        w.Line($"/// Softplus kernels, {T}: <c>max(x, 0) + log1p(exp(-beta |x|)) / beta</c>, and <c>x</c> where <c>beta * x &gt; threshold</c>,");
        w.Line($"/// for every method whose constants struct <typeparamref name=\"TConstants\"/> has this shape (beta {(folded.BetaIsPowerOfTwo ? "a power of two" : "not a power of two")}).");
        w.Line("/// </summary>");
        w.Line("/// <remarks>");
        w.Line("/// Paths, chosen by JIT-time constant checks, widest first: " + string.Join("; ", PathList(element)) + ".");
        w.Line($"/// Main loops handle {kernel.Unroll} vector{(kernel.Unroll == 1 ? "" : "s")} per iteration.");
        w.Line(element.Type == ElementType.Single
            ? "/// The AVX-512 and scalar paths widen to double and round once (they agree bit for bit); the others use compensated float arithmetic (the FMA ones agree bit for bit)."
            : "/// Every FMA path (and the scalar one) rounds identically, so they agree bit for bit.");
        w.Line("/// The JIT compiles this class for each constants struct and folds the constants into the code as literals.");
        w.Line("/// Loops and steps are compiled fully optimized from the first call (AggressiveOptimization): a tier-0 step is");
        w.Line("/// ~100x slower, and the kernels have no branches for dynamic PGO to improve.");
        w.Line("/// </remarks>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{Emitter.GeneratorName}\", \"{Emitter.GeneratorVersion}\")]");
        using (w.OpenBlock($"internal static class {className}<TConstants> where TConstants : struct, {ConstantsInterface(element.Type, assemblyTag)}"))
        {
            WriteConstants(w, element, folded, reduction);
            WriteApply(w, element);
            w.Line();
            WriteDispatch(w, element);
            string trace = (runtimeAlias ?? "global") + "::FusedActivations.";
            foreach (IsaDialect isa in IsaDialect.All)
            {
                w.Line();
                WriteLoop(w, isa, element, kernel.Unroll, trace);
            }

            foreach (IsaDialect isa in IsaDialect.All)
            {
                if (isa.IsVector && kernel.Unroll > 1)
                {
                    w.Line();
                    WriteUnrolledStep(w, isa, element, folded, kernel.Unroll);
                }

                w.Line();
                WriteStep(w, isa, element, folded);
            }

            w.Line();
            WriteDekkerHelper(w, element);
            w.Line();
            WriteThrowHelpers(w);
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
    /// The constants: those of the compensated formula (every kernel has its paths) and, for float, those of the widened
    /// formula (the AVX-512 and scalar paths), with its lookup tables. A shared kernel has every path, whatever the
    /// shape of the methods that call it, so nothing is left out.
    /// </summary>
    private static void WriteConstants(IndentedWriter w, ElementInfo element, SoftplusConstants folded, ExpReduction reduction)
    {
        foreach (KernelConstant constant in SoftplusFormula.Constants(folded, reduction))
        {
            WriteConstant(w, element, constant);
        }

        if (element.Type == ElementType.Single)
        {
            foreach (KernelConstant constant in SoftplusWideFormula.Constants(folded))
            {
                WriteConstant(w, element, constant);
            }

            foreach (var (name, values, doc) in SoftplusWideFormula.Tables())
            {
                w.Line($"/// <summary>{Escape(doc)}</summary>");
                w.Line($"private static ReadOnlySpan<double> {name} => new double[]");
                w.Line("{");
                for (int i = 0; i < values.Length; i += 8)
                {
                    var row = new List<string>();
                    for (int j = i; j < i + 8 && j < values.Length; j++)
                    {
                        row.Add(ElementInfo.Double.Literal(values[j]));
                    }

                    w.Line("    " + string.Join(", ", row) + ",");
                }

                w.Line("};");
            }
        }

        w.Line();
    }

    private static void WriteConstant(IndentedWriter w, ElementInfo element, KernelConstant constant)
    {
        ElementInfo type = constant.Type ?? element;
        if (constant.IsFolded)
        {
            // The method's own value: the JIT reads it from the struct and folds it like a literal.
            w.Line($"private static {type.Name} {constant.Name} => TConstants.{constant.Name};");
            return;
        }

        if (constant.Doc is not null)
        {
            w.Line($"/// <summary>{Escape(constant.Doc)}</summary>");
        }

        w.Line($"private const {type.Name} {constant.Name} = {type.Literal(constant.Value)};");
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

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
    /// The unrolled step: <paramref name="unroll"/> vectors computed side by side, statement by statement, so that
    /// independent work is always in flight (one vector's formula is a long dependency chain). All loads come before
    /// all stores, so exact in-place calls stay correct.
    /// </summary>
    private static void WriteUnrolledStep(IndentedWriter w, IsaDialect isa, ElementInfo element, SoftplusConstants folded, int unroll)
    {
        string T = element.Name;
        string V = isa.Type(element);
        static string Offset(int u) => u == 0 ? "i" : u == 1 ? "i + count" : $"i + {u} * count";
        string sideBySide = Widens(isa, element) && unroll > WideGroup ? $"{WideGroup} at a time side by side" : "side by side";
        w.Line($"/// <summary>Softplus of {unroll} consecutive vectors at <paramref name=\"i\"/>, {sideBySide} ({isa.Describe(element)}).</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        using (w.OpenBlock($"private static void {isa.Name}Steps(ref {T} source, ref {T} destination, nuint i)"))
        {
            w.Line($"nuint count = (nuint){V}.Count;");
            if (Widens(isa, element))
            {
                // Each float vector becomes two double vectors: more than WideGroup vectors side by side would not fit
                // in the registers, so larger unrolls are written as consecutive groups.
                int group = System.Math.Min(unroll, WideGroup);
                for (int first = 0; first < unroll; first += group)
                {
                    int firstOfGroup = first;
                    if (group < unroll)
                    {
                        w.Line($"// Vectors {first} to {first + group - 1}, side by side.");
                    }

                    using (System.IDisposable? scope = group < unroll ? w.OpenBlock() : null)
                    {
                        for (int u = 0; u < group; u++)
                        {
                            w.Line($"var x_{u} = {isa.Load("source", Offset(firstOfGroup + u))};");
                        }

                        WriteWidened(w, isa, group, (u, result) => isa.Store($"({result})", "destination", Offset(firstOfGroup + u)) + ";");
                    }
                }

                return;
            }

            for (int u = 0; u < unroll; u++)
            {
                w.Line($"var x_{u} = {isa.Load("source", Offset(u))};");
            }

            var writer = new KernelWriter(w, isa, element, unroll, "x", (u, result) => isa.Store($"({result})", "destination", Offset(u)) + ";");
            SoftplusFormula.WriteBody(writer, folded, "x");
        }
    }

    /// <summary>
    /// The most float vectors the widened formula computes side by side (2 double vectors each): measured on AVX-512,
    /// 4 is the fastest unroll, and 8 at once spills registers (about 3x slower than 4).
    /// </summary>
    private const int WideGroup = 4;

    private static bool Widens(IsaDialect isa, ElementInfo element) => isa.WidensSingle && element.Type == ElementType.Single;

    /// <summary>
    /// The widened float formula for <paramref name="vectors"/> float vectors x (or x_0, x_1, ...): each is split into
    /// double vectors w_*, all of them computed side by side, and the results rounded back to float vectors y_* before
    /// the threshold rule. <paramref name="result"/> consumes each lane's final expression (null: return it).
    /// </summary>
    private static void WriteWidened(IndentedWriter w, IsaDialect isa, int vectors, System.Func<int, string, string>? result)
    {
        int factor = isa.WideningFactor;
        int wideLanes = vectors * factor;
        w.Line(factor == 1
            ? "// Widened: computed in double and rounded to float once, at the end."
            : "// Widened: each half of the float vector is computed in double, and the result rounded to float once, at the end.");
        for (int v = 0; v < vectors; v++)
        {
            for (int p = 0; p < factor; p++)
            {
                w.Line($"var {KernelWriter.LaneName("w", v * factor + p, wideLanes)} = {isa.Widen(KernelWriter.LaneName("x", v, vectors), p)};");
            }
        }

        var wide = new KernelWriter(w, isa, ElementInfo.Double, wideLanes, "w", (l, e) => $"var {KernelWriter.LaneName("yw", l, wideLanes)} = {e};");
        SoftplusWideFormula.WriteWideBody(wide, "w");
        for (int v = 0; v < vectors; v++)
        {
            var parts = new string[factor];
            for (int p = 0; p < factor; p++)
            {
                parts[p] = KernelWriter.LaneName("yw", v * factor + p, wideLanes);
            }

            w.Line($"var {KernelWriter.LaneName("y", v, vectors)} = {isa.Narrow(parts)};");
        }

        var narrow = new KernelWriter(w, isa, ElementInfo.Single, vectors, "x", result);
        narrow.Declare("y");
        SoftplusWideFormula.WriteEpilogue(narrow, "x", "y");
    }

    private static void WriteStep(IndentedWriter w, IsaDialect isa, ElementInfo element, SoftplusConstants folded)
    {
        string type = isa.Type(element);
        w.Line($"/// <summary>Softplus of {(isa.IsVector ? "one vector" : "one element")} ({isa.Describe(element)}).</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]");
        string visibility = isa.IsVector ? "private" : "public";
        using (w.OpenBlock($"{visibility} static {type} {isa.Name}Step({type} x)"))
        {
            if (Widens(isa, element))
            {
                WriteWidened(w, isa, 1, null);
                return;
            }

            SoftplusFormula.WriteBody(new KernelWriter(w, isa, element), folded, "x");
        }
    }

    private static void WriteDekkerHelper(IndentedWriter w, ElementInfo element)
    {
        string T = element.Name;
        string V = $"Vector128<{T}>";
        string splitter = element.Type == ElementType.Single ? "4097f" : "134217729.0";
        w.Line("/// <summary>");
        w.Line("/// The exact rounding error of <paramref name=\"p\"/> = fl(a * b), by Dekker's algorithm with Veltkamp's splitting");
        w.Line($"/// (multiplier 2^{(element.Precision + 1) / 2} + 1): the portable path has no FMA to get it in one instruction.");
        w.Line("/// </summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        using (w.OpenBlock($"private static {V} TwoProductError({V} a, {V} b, {V} p)"))
        {
            w.Line($"{V} ca = a * Vector128.Create({splitter});");
            w.Line($"{V} ah = ca - (ca - a);");
            w.Line($"{V} al = a - ah;");
            w.Line($"{V} cb = b * Vector128.Create({splitter});");
            w.Line($"{V} bh = cb - (cb - b);");
            w.Line($"{V} bl = b - bh;");
            w.Line("return (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);");
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
