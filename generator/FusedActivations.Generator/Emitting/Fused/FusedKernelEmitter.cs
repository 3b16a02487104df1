using System.Collections.Generic;
using System.Linq;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Emitting.Fused;

/// <summary>
/// Writes the kernel class of a <c>[Fused]</c> formula: N input streams (elementwise spans, broadcast spans, run-time
/// scalars) and M outputs in one pass over memory. The class holds the argument checks, the driver that walks rows of
/// broadcast inputs in blocks, the dispatch over paths, one loop per path (the activation kernels' loops, with a stream
/// per input and output) and the formula's step per path, lowered by <see cref="FormulaLowering"/>. Its constants are
/// the formula's own, so it is shared only by methods with the same formula and streams.
/// </summary>
internal sealed class FusedKernelEmitter
{
    /// <summary>
    /// Rows shorter than this many elements are processed in blocks of whole rows at least this long, with the
    /// broadcast values repeated once per row of the block (on the stack), so short rows still fill whole vectors.
    /// </summary>
    public const int BlockFloor = 512;

    private const int PreferredUnroll = 4;

    private readonly FusedKernelShape _shape;
    private readonly ElementInfo _element;
    private readonly string _trace;
    private readonly string[] _inputs;
    private readonly string[] _outputs;

    /// <summary>The names the streams will have where they can (<see cref="StreamNames"/>): the steps leave them free.</summary>
    private readonly string[] _readable;

    private FusedKernelEmitter(FusedKernelShape shape, string? runtimeAlias)
    {
        _shape = shape;
        _element = ElementInfo.For(shape.Formula.Element);
        _trace = (runtimeAlias ?? "global") + "::FusedActivations.";
        _inputs = Enumerable.Range(0, shape.Formula.Parameters.Count).Select(StreamNames.Input).ToArray();
        _outputs = Enumerable.Range(0, shape.Outputs).Select(StreamNames.Output).ToArray();
        _readable = shape.Formula.Parameters.Select(Identifier)
            .Concat(shape.Outputs == 1 ? new[] { "destination" } : Enumerable.Range(0, shape.Outputs).Select(k => "destination" + k))
            .ToArray();
    }

    /// <summary>
    /// Writes the kernel class with numbered stream names, then gives the streams the formula's names where nothing
    /// else in the class has them (<see cref="StreamNames"/>): the user's names may be any name the kernel uses itself.
    /// </summary>
    public static void Emit(IndentedWriter w, FusedKernelShape shape, string? runtimeAlias, string className)
    {
        var emitter = new FusedKernelEmitter(shape, runtimeAlias);
        var numbered = new IndentedWriter { Indent = w.Indent };
        emitter.Write(numbered, className);
        w.Raw(StreamNames.Readable(numbered.ToString(), emitter._inputs.Concat(emitter._outputs).ToArray(), emitter._readable));
    }

    private FormulaSpec Formula => _shape.Formula;

    private IReadOnlyList<StreamKind> Kinds => _shape.Kinds;

    private string T => _element.Name;

    private void Write(IndentedWriter w, string className)
    {
        var constants = new ConstantTable(_element);
        var steps = new IndentedWriter { Indent = w.Indent + 1 };
        foreach (IsaDialect isa in IsaDialect.All)
        {
            int unroll = FormulaLowering.UnrollFor(isa, Formula, PreferredUnroll);
            if (isa.IsVector && unroll > 1)
            {
                steps.Line();
                WriteUnrolledStep(steps, isa, unroll, constants);
            }

            steps.Line();
            WriteStep(steps, isa, constants);
        }

        w.Line("/// <summary>");
        w.Line($"/// The fused kernel of <c>{Escape(Formula.Display)}</c> ({T}), per element, in one pass: {DescribeStreams()}.");
        w.Line("/// </summary>");
        w.Line("/// <remarks>");
        w.Line("/// Paths, chosen by JIT-time constant checks, widest first: " + string.Join("; ", IsaDialect.All.Select(i => i.Describe(_element))) + ".");
        w.Line("/// Plain arithmetic rounds as C# does, once per operator in the element type; activations and math functions are the");
        w.Line("/// library's (their kernels' formulas). Loops and steps are compiled fully optimized from the first call (AggressiveOptimization).");
        w.Line("/// </remarks>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{Emitter.GeneratorName}\", \"{Emitter.GeneratorVersion}\")]");
        using (w.OpenBlock($"internal static class {className}"))
        {
            KernelHelpers.WriteConstants(w, _element, constants);
            WriteApply(w);
            w.Line();
            WriteRun(w);
            w.Line();
            if (_shape.Parallel)
            {
                WriteRunParallel(w);
                w.Line();
            }

            WriteDispatch(w);
            foreach (IsaDialect isa in IsaDialect.All)
            {
                w.Line();
                WriteLoop(w, isa);
            }

            w.Raw(steps.ToString());
            foreach (Model.ElementType type in constants.TwoProductErrorTypes)
            {
                w.Line();
                KernelHelpers.WriteDekker(w, ElementInfo.For(type));
            }

            foreach (Model.ElementType type in constants.ExactMultiplyAddTypes)
            {
                w.Line();
                KernelHelpers.WriteExactMultiplyAdd(w, ElementInfo.For(type));
            }

            if (_shape.Sums.Any(x => x))
            {
                w.Line();
                WriteAddRows(w);
            }

            w.Line();
            WriteThrowHelpers(w);
        }
    }

    /// <summary>The per-channel sums of the gradients of broadcast inputs: each channel's terms added in row order, in double.</summary>
    private void WriteAddRows(IndentedWriter w)
    {
        w.Line("/// <summary>Adds whole rows of per-element values to the channel sums, row after row (vectors only group channels).</summary>");
        using (w.OpenBlock($"private static void AddRows(Span<double> sums, ReadOnlySpan<{T}> values)"))
        {
            w.Line("int channels = sums.Length;");
            using (w.OpenBlock("for (int start = 0; start < values.Length; start += channels)"))
            {
                w.Line($"ReadOnlySpan<{T}> row = values.Slice(start, channels);");
                w.Line("int c = 0;");
                if (_element.Type == Model.ElementType.Single)
                {
                    using (w.OpenBlock("for (; c + global::System.Numerics.Vector<float>.Count <= channels; c += global::System.Numerics.Vector<float>.Count)"))
                    {
                        w.Line("global::System.Numerics.Vector.Widen(new global::System.Numerics.Vector<float>(row.Slice(c)), out var low, out var high);");
                        w.Line("Span<double> lowSums = sums.Slice(c);");
                        w.Line("Span<double> highSums = sums.Slice(c + global::System.Numerics.Vector<double>.Count);");
                        w.Line("(new global::System.Numerics.Vector<double>(lowSums) + low).CopyTo(lowSums);");
                        w.Line("(new global::System.Numerics.Vector<double>(highSums) + high).CopyTo(highSums);");
                    }
                }
                else
                {
                    using (w.OpenBlock("for (; c + global::System.Numerics.Vector<double>.Count <= channels; c += global::System.Numerics.Vector<double>.Count)"))
                    {
                        w.Line("Span<double> channelSums = sums.Slice(c);");
                        w.Line("(new global::System.Numerics.Vector<double>(channelSums) + new global::System.Numerics.Vector<double>(row.Slice(c))).CopyTo(channelSums);");
                    }
                }

                using (w.OpenBlock("for (; c < channels; c++)"))
                {
                    w.Line("sums[c] += row[c];");
                }
            }
        }
    }

    private string DescribeStreams()
    {
        var parts = new List<string>();
        for (int k = 0; k < _inputs.Length; k++)
        {
            parts.Add(_inputs[k] + Kinds[k] switch
            {
                StreamKind.Elementwise => " (elementwise)",
                StreamKind.Broadcast => " (broadcast: one value per channel)",
                _ => " (a run-time scalar)",
            });
        }

        return "inputs " + string.Join(", ", parts) + "; " + (_outputs.Length == 1 ? "one output" : _outputs.Length + " outputs");
    }

    // ---- Argument checks ---------------------------------------------------------------------------------------

    private IEnumerable<int> OfKind(StreamKind kind) => Enumerable.Range(0, _inputs.Length).Where(k => Kinds[k] == kind);

    private string InputParameter(int k) => Kinds[k] == StreamKind.Scalar ? $"{T} {_inputs[k]}" : $"ReadOnlySpan<{T}> {_inputs[k]}";

    private IEnumerable<string> SpanNames() =>
        OfKind(StreamKind.Elementwise).Concat(OfKind(StreamKind.Broadcast)).OrderBy(k => k).Select(k => _inputs[k]).Concat(_outputs);

    private void WriteApply(IndentedWriter w)
    {
        var parameters = Enumerable.Range(0, _inputs.Length).Select(InputParameter)
            .Concat(_outputs.Select(o => $"Span<{T}> {o}"))
            .Concat(SpanNames().Select(n => $"string {n}Name"))
            .Concat(_shape.Parallel ? new[] { "int threshold" } : new string[0]);
        w.Line(_shape.Parallel
            ? "/// <summary>Checks the arguments (before anything is written), then computes every element: across the thread pool from <paramref name=\"threshold\"/> elements on.</summary>"
            : "/// <summary>Checks the arguments (before anything is written), then computes every element.</summary>");
        using (w.OpenBlock($"public static void Apply({string.Join(", ", parameters)})"))
        {
            int[] elementwise = OfKind(StreamKind.Elementwise).ToArray();
            int[] broadcast = OfKind(StreamKind.Broadcast).ToArray();
            string first = elementwise.Length > 0 ? _inputs[elementwise[0]] : _outputs[0];
            w.Line($"int length = {first}.Length;");
            foreach (int k in elementwise.Skip(1))
            {
                using (w.OpenBlock($"if ({_inputs[k]}.Length != length)"))
                {
                    w.Line($"ThrowLengthMismatch({_inputs[k]}Name, {first}Name);");
                }
            }

            if (broadcast.Length > 0)
            {
                string b0 = _inputs[broadcast[0]];
                w.Line();
                w.Line("// Broadcast inputs hold one value per channel: the elementwise length is rows x channels.");
                using (w.OpenBlock($"if ({b0}.Length == 0 ? length != 0 : length % {b0}.Length != 0)"))
                {
                    w.Line($"ThrowBroadcastLength({b0}Name, {first}Name);");
                }

                foreach (int k in broadcast.Skip(1))
                {
                    using (w.OpenBlock($"if ({_inputs[k]}.Length != {b0}.Length)"))
                    {
                        w.Line($"ThrowBroadcastMismatch({_inputs[k]}Name, {b0}Name);");
                    }
                }
            }

            for (int index = 0; index < _outputs.Length; index++)
            {
                string o = _outputs[index];
                w.Line();
                if (_shape.Sums[index])
                {
                    // A gradient summed over rows: one value per channel, written once every row is read.
                    string b0 = _inputs[broadcast[0]];
                    using (w.OpenBlock($"if ({o}.Length < {b0}.Length)"))
                    {
                        w.Line($"ThrowDestinationTooShort({o}Name, {b0}Name);");
                    }

                    w.Line();
                    w.Line($"{o} = {o}.Slice(0, {b0}.Length);");
                    foreach (int k in Streams())
                    {
                        using (w.OpenBlock($"if (MemoryExtensions.Overlaps({_inputs[k]}, (ReadOnlySpan<{T}>){o}))"))
                        {
                            w.Line($"ThrowOverlap({o}Name, {_inputs[k]}Name);");
                        }
                    }

                    WriteOutputOverlaps(w, o);
                    continue;
                }

                using (w.OpenBlock($"if ({o}.Length < length)"))
                {
                    w.Line($"ThrowDestinationTooShort({o}Name, {first}Name);");
                }

                w.Line();
                w.Line($"{o} = {o}.Slice(0, length);");
                foreach (int k in elementwise)
                {
                    string x = _inputs[k];
                    using (w.OpenBlock($"if (!Unsafe.AreSame(ref MemoryMarshal.GetReference({x}), ref MemoryMarshal.GetReference({o})) && MemoryExtensions.Overlaps({x}, (ReadOnlySpan<{T}>){o}))"))
                    {
                        w.Line($"ThrowOverlap({o}Name, {x}Name);");
                    }
                }

                foreach (int k in broadcast)
                {
                    using (w.OpenBlock($"if (MemoryExtensions.Overlaps({_inputs[k]}, (ReadOnlySpan<{T}>){o}))"))
                    {
                        w.Line($"ThrowOverlap({o}Name, {_inputs[k]}Name);");
                    }
                }

                WriteOutputOverlaps(w, o);
            }

            w.Line();
            if (_shape.Parallel)
            {
                string channels = broadcast.Length > 0 ? $"{_inputs[broadcast[0]]}.Length" : "1";
                using (w.OpenBlock($"if ({_trace}ParallelKernels.Splits<{T}>(length, {channels}, threshold))"))
                {
                    w.Line($"RunParallel({string.Join(", ", _inputs.Concat(_outputs))}, {channels});");
                    w.Line("return;");
                }

                w.Line();
            }

            w.Line($"Run({string.Join(", ", _inputs.Concat(_outputs))});");
        }
    }

    /// <summary>Outputs never overlap each other.</summary>
    private void WriteOutputOverlaps(IndentedWriter w, string o)
    {
        foreach (string earlier in _outputs.TakeWhile(e => e != o))
        {
            using (w.OpenBlock($"if (MemoryExtensions.Overlaps((ReadOnlySpan<{T}>){earlier}, (ReadOnlySpan<{T}>){o}))"))
            {
                w.Line($"ThrowOverlap({o}Name, {earlier}Name);");
            }
        }
    }

    // ---- Driver: rows and blocks ------------------------------------------------------------------------------

    private void WriteRun(IndentedWriter w)
    {
        var parameters = Enumerable.Range(0, _inputs.Length).Select(InputParameter).Concat(_outputs.Select(o => $"Span<{T}> {o}"));
        bool sums = _shape.Sums.Any(s => s);
        w.Line("/// <summary>Computes every element (arguments checked: equal lengths, outputs sliced to them).</summary>");
        using (w.OpenBlock($"public static void Run({string.Join(", ", parameters)})"))
        {
            if (!sums)
            {
                WriteRows(w);
                return;
            }

            WriteSumsAllocation(w);
            w.Line($"Accumulate({string.Join(", ", _inputs.Concat(ElementwiseOutputs()).Concat(new[] { "sums" }))});");
            WriteSumsRounding(w);
        }

        if (sums)
        {
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Computes the elementwise outputs and adds the rows of the summed ones to <paramref name=\"sums\"/> (per output, one");
            w.Line("/// double per channel), row after row in order: the same order on every path and for every block size.");
            w.Line("/// </summary>");
            var accumulate = Enumerable.Range(0, _inputs.Length).Select(InputParameter)
                .Concat(ElementwiseOutputs().Select(o => $"Span<{T}> {o}"))
                .Concat(new[] { "Span<double> sums" });
            using (w.OpenBlock($"private static void Accumulate({string.Join(", ", accumulate)})"))
            {
                WriteRows(w);
            }
        }
    }

    /// <summary>The outputs computed per element (all but the sums over rows), in order.</summary>
    private IEnumerable<string> ElementwiseOutputs() => _outputs.Where((o, k) => !_shape.Sums[k]);

    /// <summary>The channel sums of a call: one double per channel and summed output, on the stack when small.</summary>
    private void WriteSumsAllocation(IndentedWriter w, bool declareChannels = true)
    {
        int sumCount = _shape.Sums.Count(x => x);
        if (declareChannels)
        {
            w.Line($"int channels = {_inputs[OfKind(StreamKind.Broadcast).First()]}.Length;");
        }

        w.Line("double[]? rented = null;");
        w.Line($"Span<double> sums = channels * {sumCount} <= {BlockFloor} ? stackalloc double[channels * {sumCount}] : (rented = global::System.Buffers.ArrayPool<double>.Shared.Rent(channels * {sumCount})).AsSpan(0, channels * {sumCount});");
        w.Line("sums.Clear();");
    }

    /// <summary>Rounds each channel sum once to the element type, into its output, and returns the rented sums.</summary>
    private void WriteSumsRounding(IndentedWriter w)
    {
        int s = 0;
        w.Line();
        for (int k = 0; k < _outputs.Length; k++)
        {
            if (_shape.Sums[k])
            {
                using (w.OpenBlock("for (int c = 0; c < channels; c++)"))
                {
                    w.Line($"{_outputs[k]}[c] = ({T})sums[{(s == 0 ? "" : s + " * channels + ")}c];");
                }

                s++;
            }
        }

        w.Line();
        using (w.OpenBlock("if (rented is not null)"))
        {
            w.Line("global::System.Buffers.ArrayPool<double>.Shared.Return(rented);");
        }
    }

    /// <summary>
    /// The body that walks the elements: straight to the dispatch without broadcast inputs, else in blocks of rows; with
    /// summed outputs, each block's per-element values go through a scratch block into <c>sums</c>.
    /// </summary>
    private void WriteRows(IndentedWriter w)
    {
        int[] broadcast = OfKind(StreamKind.Broadcast).ToArray();
        int elementwiseOutput = Enumerable.Range(0, _outputs.Length).First(k => !_shape.Sums[k]);
        bool sums = _shape.Sums.Any(s => s);
        w.Line($"nuint length = (nuint){_outputs[elementwiseOutput]}.Length;");
        using (w.OpenBlock("if (length == 0)"))
        {
            w.Line("return;");
        }

        w.Line();
        foreach (int k in OfKind(StreamKind.Elementwise))
        {
            w.Line($"ref {T} {_inputs[k]}0 = ref MemoryMarshal.GetReference({_inputs[k]});");
        }

        for (int k = 0; k < _outputs.Length; k++)
        {
            if (!_shape.Sums[k])
            {
                w.Line($"ref {T} {_outputs[k]}0 = ref MemoryMarshal.GetReference({_outputs[k]});");
            }
        }

        if (broadcast.Length == 0)
        {
            w.Line($"Dispatch({string.Join(", ", DispatchArguments(k => $"ref {_inputs[k]}0", o => $"ref {o}0", "length"))});");
            return;
        }

        string b0 = _inputs[broadcast[0]];
        w.Line();
        w.Line("// Rows of `channels` elements, each broadcast input one value per channel. Rows shorter than BlockFloor go in");
        w.Line("// blocks of whole rows with the broadcast values repeated once per row, so that short rows still fill vectors.");
        w.Line($"int channels = {b0}.Length;");
        w.Line($"int rows = channels >= {BlockFloor} ? 1 : ({BlockFloor} + channels - 1) / channels;");
        w.Line("nuint block = (nuint)(rows * channels);");
        foreach (int k in broadcast)
        {
            string b = _inputs[k];
            w.Line($"Span<{T}> {b}Block = rows == 1 ? Span<{T}>.Empty : stackalloc {T}[rows * channels];");
            using (w.OpenBlock("for (int r = 0; r < rows && rows > 1; r++)"))
            {
                w.Line($"{b}.CopyTo({b}Block.Slice(r * channels));");
            }

            w.Line($"ref {T} {b}0 = ref MemoryMarshal.GetReference(rows == 1 ? {b} : {b}Block);");
        }

        if (!sums)
        {
            w.Line();
            WriteBlockLoop(w);
            return;
        }

        w.Line();
        w.Line("// Each block's per-element values of the summed outputs go to a scratch block, then join their channel sums.");
        w.Line($"{T}[]? rentedRows = null;");
        int sumCount = _shape.Sums.Count(x => x);
        w.Line($"Span<{T}> scratch = block * {sumCount} <= {2 * BlockFloor} ? stackalloc {T}[(int)block * {sumCount}] : (rentedRows = global::System.Buffers.ArrayPool<{T}>.Shared.Rent((int)block * {sumCount})).AsSpan(0, (int)block * {sumCount});");
        int s = 0;
        for (int k = 0; k < _outputs.Length; k++)
        {
            if (_shape.Sums[k])
            {
                w.Line($"ref {T} {_outputs[k]}0 = ref MemoryMarshal.GetReference(scratch.Slice({s} * (int)block));");
                s++;
            }
        }

        w.Line();
        WriteBlockLoop(w);
        w.Line();
        using (w.OpenBlock("if (rentedRows is not null)"))
        {
            w.Line($"global::System.Buffers.ArrayPool<{T}>.Shared.Return(rentedRows);");
        }
    }

    // ---- Parallel = true: chunks of whole rows on the thread pool ----------------------------------------------

    /// <summary>
    /// The parallel driver: the runtime pins the spans and runs chunks of whole rows (<c>ParallelKernels.RunFused</c>),
    /// each through the single-threaded code; summed outputs get each chunk's channel sums added in chunk order.
    /// </summary>
    private void WriteRunParallel(IndentedWriter w)
    {
        var parameters = Enumerable.Range(0, _inputs.Length).Select(InputParameter).Concat(_outputs.Select(o => $"Span<{T}> {o}")).Concat(new[] { "int channels" });
        string runtime = _trace + "ParallelKernels";
        bool sums = _shape.Sums.Any(s => s);
        int[] spanInputs = Streams().ToArray();
        string[] spans = spanInputs.Select(k => _inputs[k]).Concat(ElementwiseOutputs()).ToArray();
        int[] scalars = OfKind(StreamKind.Scalar).ToArray();
        string scalarValues = scalars.Length == 0 ? $"ReadOnlySpan<{T}>.Empty" : $"new {T}[] {{ {string.Join(", ", scalars.Select(k => _inputs[k]))} }}";
        string length = $"{ElementwiseOutputs().First()}.Length";

        w.Line("/// <summary>Computes every element in chunks of whole rows across the thread pool (arguments checked; the call splits).</summary>");
        using (w.OpenBlock($"private static void RunParallel({string.Join(", ", parameters)})"))
        {
            if (!sums)
            {
                w.Line($"{runtime}.RunFused<{T}>({length}, channels, {scalarValues}, Span<double>.Empty, RunChunk, {string.Join(", ", spans)});");
            }
            else
            {
                WriteSumsAllocation(w, declareChannels: false);
                w.Line($"{runtime}.RunFused<{T}>({length}, channels, {scalarValues}, sums, RunChunk, {string.Join(", ", spans)});");
                WriteSumsRounding(w);
            }
        }

        var chunkArguments = new List<string>();
        int scalar = 0;
        for (int k = 0; k < _inputs.Length; k++)
        {
            int stream = System.Array.IndexOf(spans, _inputs[k]);
            chunkArguments.Add(Kinds[k] switch
            {
                StreamKind.Elementwise => $"chunk.Rows({stream})",
                StreamKind.Broadcast => $"chunk.Whole({stream})",
                _ => $"chunk.Scalar({scalar++})",
            });
        }

        chunkArguments.AddRange(ElementwiseOutputs().Select(o => $"chunk.OutputRows({System.Array.IndexOf(spans, o)})"));
        w.Line();
        w.Line("/// <summary>One chunk of whole rows, on whichever thread runs it.</summary>");
        using (w.OpenBlock($"private static void RunChunk({_trace}FusedChunk<{T}> chunk)"))
        {
            w.Line(sums
                ? $"Accumulate({string.Join(", ", chunkArguments)}, chunk.Sums);"
                : $"Run({string.Join(", ", chunkArguments)});");
        }
    }

    /// <summary>The loop over blocks of rows; after each block, the rows of the summed outputs join their channel sums.</summary>
    private void WriteBlockLoop(IndentedWriter w)
    {
        using (w.OpenBlock("for (nuint start = 0; start < length; start += block)"))
        {
            w.Line("nuint count = length - start < block ? length - start : block;");
            w.Line($"Dispatch({string.Join(", ", DispatchArguments(k => Kinds[k] == StreamKind.Broadcast ? $"ref {_inputs[k]}0" : $"ref Unsafe.Add(ref {_inputs[k]}0, start)", o => _shape.Sums[System.Array.IndexOf(_outputs, o)] ? $"ref {o}0" : $"ref Unsafe.Add(ref {o}0, start)", "count"))});");
            int s = 0;
            for (int k = 0; k < _outputs.Length; k++)
            {
                if (_shape.Sums[k])
                {
                    w.Line($"AddRows(sums.Slice({s} * channels, channels), scratch.Slice({s} * (int)block, (int)count));");
                    s++;
                }
            }
        }
    }

    private IEnumerable<string> DispatchArguments(System.Func<int, string> stream, System.Func<string, string> output, string length)
    {
        for (int k = 0; k < _inputs.Length; k++)
        {
            yield return Kinds[k] == StreamKind.Scalar ? _inputs[k] : stream(k);
        }

        foreach (string o in _outputs)
        {
            yield return output(o);
        }

        yield return length;
    }

    /// <summary>The parameters of the loops (and, ending in an index instead of a length, of the unrolled steps).</summary>
    private string LoopParameters(string last = "length") => string.Join(", ",
        Enumerable.Range(0, _inputs.Length).Select(k => Kinds[k] == StreamKind.Scalar ? $"{T} {_inputs[k]}" : $"ref {T} {_inputs[k]}")
            .Concat(_outputs.Select(o => $"ref {T} {o}"))
            .Concat(new[] { "nuint " + last }));

    private string LoopArguments(string last = "length") => string.Join(", ",
        Enumerable.Range(0, _inputs.Length).Select(k => Kinds[k] == StreamKind.Scalar ? _inputs[k] : $"ref {_inputs[k]}")
            .Concat(_outputs.Select(o => $"ref {o}"))
            .Concat(new[] { last }));

    private void WriteDispatch(IndentedWriter w)
    {
        w.Line("/// <summary>One block of elements (broadcast inputs: one row's values per row of the block) on the widest path.</summary>");
        using (w.OpenBlock($"private static void Dispatch({LoopParameters()})"))
        {
            foreach (IsaDialect isa in IsaDialect.All)
            {
                if (!isa.IsVector)
                {
                    w.Line($"Run{isa.Name}({LoopArguments()});");
                    continue;
                }

                using (w.OpenBlock($"if ({isa.Guard(_element)})"))
                {
                    w.Line($"Run{isa.Name}({LoopArguments()});");
                    w.Line("return;");
                }

                w.Line();
            }
        }
    }

    // ---- Loops ---------------------------------------------------------------------------------------------------

    private void WriteLoop(IndentedWriter w, IsaDialect isa)
    {
        string step = isa.Name + "Step";
        w.Line($"/// <summary>The loop of the {isa.Name} path: {isa.Describe(_element)}.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        using (w.OpenBlock($"private static void Run{isa.Name}({LoopParameters()})"))
        {
            w.Directive("#if FUSEDACTIVATIONS_TRACE");
            w.Line($"{_trace}KernelTrace.Record({_trace}SimdPath.{isa.Name});");
            w.Directive("#endif");
            if (!isa.IsVector)
            {
                using (w.OpenBlock("for (nuint i = 0; i < length; i++)"))
                {
                    WriteStepCall(w, isa, k => isa.Load(_inputs[k], "i"), (o, value) => isa.Store(value, o, "i") + ";", "y");
                }

                return;
            }

            string V = isa.Type(_element);
            w.Line($"nuint count = (nuint){V}.Count;");
            w.Line();
            using (w.OpenBlock("if (length < count)"))
            {
                w.Line("// Shorter than one vector: through vector-sized buffers, so that every length gets this path's results.");
                foreach (int k in Streams())
                {
                    w.Line($"{V} {_inputs[k]}Lanes = {V}.Zero;");
                    w.Line($"ref {T} {_inputs[k]}Buffer = ref Unsafe.As<{V}, {T}>(ref {_inputs[k]}Lanes);");
                }

                using (w.OpenBlock("for (nuint j = 0; j < length; j++)"))
                {
                    foreach (int k in Streams())
                    {
                        w.Line($"Unsafe.Add(ref {_inputs[k]}Buffer, j) = Unsafe.Add(ref {_inputs[k]}, j);");
                    }
                }

                WriteStepCall(w, isa, k => $"{_inputs[k]}Lanes", (o, value) => $"var {o}Lanes = {value};", "y");
                foreach (string o in _outputs)
                {
                    w.Line($"ref {T} {o}Buffer = ref Unsafe.As<{V}, {T}>(ref {o}Lanes);");
                }

                using (w.OpenBlock("for (nuint j = 0; j < length; j++)"))
                {
                    foreach (string o in _outputs)
                    {
                        w.Line($"Unsafe.Add(ref {o}, j) = Unsafe.Add(ref {o}Buffer, j);");
                    }
                }

                w.Line("return;");
            }

            int unroll = FormulaLowering.UnrollFor(isa, Formula, PreferredUnroll);
            w.Line();
            w.Line("// A length that is not a whole number of vectors ends with one vector overlapping the previous ones. It is");
            w.Line("// computed before anything is stored: in place (an output is an input) it must read the original input.");
            foreach (string o in _outputs)
            {
                w.Line($"{V} {o}Last = default;");
            }

            using (w.OpenBlock("if (length % count != 0)"))
            {
                WriteStepCall(w, isa, k => isa.Load(_inputs[k], "length - count"), (o, value) => $"{o}Last = {value};", "last");
            }

            w.Line();
            w.Line("nuint i = 0;");
            if (unroll > 1)
            {
                using (w.OpenBlock($"for (; i + {unroll} * count <= length; i += {unroll} * count)"))
                {
                    w.Line($"{isa.Name}Steps({LoopArguments("i")});");
                }

                w.Line();
            }

            using (w.OpenBlock("for (; i + count <= length; i += count)"))
            {
                WriteStepCall(w, isa, k => isa.Load(_inputs[k], "i"), (o, value) => isa.Store(value, o, "i") + ";", "y");
            }

            w.Line();
            using (w.OpenBlock("if (i != length)"))
            {
                foreach (string o in _outputs)
                {
                    w.Line(isa.Store($"{o}Last", o, "length - count") + ";");
                }
            }
        }
    }

    /// <summary>The inputs that are spans (elementwise or broadcast), in order.</summary>
    private IEnumerable<int> Streams() => Enumerable.Range(0, _inputs.Length).Where(k => Kinds[k] != StreamKind.Scalar);

    /// <summary>
    /// A call of the path's step on the values <paramref name="input"/> spells (scalars broadcast), its results handed
    /// to <paramref name="consume"/>: one output is the call's value; several come back through <c>out</c> locals.
    /// </summary>
    private void WriteStepCall(IndentedWriter w, IsaDialect isa, System.Func<int, string> input, System.Func<string, string, string> consume, string prefix)
    {
        var arguments = Enumerable.Range(0, _inputs.Length).Select(k => Kinds[k] == StreamKind.Scalar ? isa.Constant(_inputs[k]) : input(k)).ToList();
        string call = $"{isa.Name}Step({string.Join(", ", arguments)}";
        if (_outputs.Length == 1)
        {
            w.Line(consume(_outputs[0], call + ")"));
            return;
        }

        var outs = _outputs.Select((o, k) => prefix + k).ToArray();
        w.Line(call + ", " + string.Join(", ", outs.Select(o => "out var " + o)) + ");");
        for (int k = 0; k < _outputs.Length; k++)
        {
            w.Line(consume(_outputs[k], outs[k]));
        }
    }

    // ---- Steps ---------------------------------------------------------------------------------------------------

    private void WriteUnrolledStep(IndentedWriter w, IsaDialect isa, int unroll, ConstantTable constants)
    {
        string V = isa.Type(_element);
        static string Offset(int u) => u == 0 ? "i" : u == 1 ? "i + count" : $"i + {u} * count";
        w.Line($"/// <summary>{unroll} consecutive vectors at <paramref name=\"i\"/>, side by side ({isa.Describe(_element)}): all loads before all stores, so in place is exact.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");
        using (w.OpenBlock($"private static void {isa.Name}Steps({LoopParameters("i")})"))
        {
            w.Line($"nuint count = (nuint){V}.Count;");
            var names = new NameScope();
            names.Claim("i");
            names.Claim("count");
            var values = new List<Value>();
            for (int k = 0; k < _inputs.Length; k++)
            {
                string stream = names.Claim(_inputs[k]);
                if (Kinds[k] == StreamKind.Scalar)
                {
                    string local = names.Claim(_inputs[k] + "V");
                    w.Line($"var {local} = {isa.Constant(_inputs[k])};");
                    values.Add(new UniformValue(local, _element));
                    continue;
                }

                string lane = names.Claim(_inputs[k] + "X");
                for (int u = 0; u < unroll; u++)
                {
                    w.Line($"var {LocalValue.LaneName(lane, u, unroll)} = {isa.Load(stream, Offset(u))};");
                }

                values.Add(new LocalValue(lane, _element, isMask: false));
            }

            foreach (string o in _outputs)
            {
                names.Claim(o);
            }

            ReserveReadableNames(names);
            var b = new FormulaBuilder(w, isa, _element, constants, names, unroll);
            IReadOnlyList<Value> results = FormulaLowering.Lower(b, Formula, values);
            for (int k = 0; k < _outputs.Length; k++)
            {
                for (int u = 0; u < unroll; u++)
                {
                    w.Line(isa.Store(results[k].Render(isa, u, unroll), _outputs[k], Offset(u)) + ";");
                }
            }
        }
    }

    private void WriteStep(IndentedWriter w, IsaDialect isa, ConstantTable constants)
    {
        string V = isa.Type(_element);
        var names = new NameScope();
        var parameters = new List<string>();
        var values = new List<Value>();
        foreach (string input in _inputs)
        {
            string name = names.Claim(input);
            parameters.Add($"{V} {name}");
            values.Add(new LocalValue(name, _element, isMask: false));
        }

        ReserveReadableNames(names);
        var outs = _outputs.Length == 1 ? new string[0] : _outputs.Select((o, k) => names.Claim("result" + k)).ToArray();
        parameters.AddRange(outs.Select(o => $"out {V} {o}"));
        string returns = _outputs.Length == 1 ? V : "void";
        w.Line($"/// <summary>The formula of {(isa.IsVector ? "one vector" : "one element")} ({isa.Describe(_element)}).</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]");
        using (w.OpenBlock($"private static {returns} {isa.Name}Step({string.Join(", ", parameters)})"))
        {
            var b = new FormulaBuilder(w, isa, _element, constants, names);
            IReadOnlyList<Value> results = FormulaLowering.Lower(b, Formula, values);
            if (_outputs.Length == 1)
            {
                b.Return(results[0]);
                return;
            }

            for (int k = 0; k < outs.Length; k++)
            {
                w.Line($"{outs[k]} = {results[k].Render(isa, 0, 1)};");
            }
        }
    }

    /// <summary>
    /// Keeps the step's own locals off the names the streams are to have (a local 'a' of an activation, say); after the
    /// streams' numbered names are claimed, which a formula's names may be too.
    /// </summary>
    private void ReserveReadableNames(NameScope names)
    {
        foreach (string name in _readable)
        {
            names.Claim(name);
        }
    }

    private void WriteThrowHelpers(IndentedWriter w)
    {
        void Helper(string summary, string signature, string message)
        {
            w.Line($"/// <summary>{summary}</summary>");
            w.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
            using (w.OpenBlock($"private static void {signature}"))
            {
                w.Line($"throw new ArgumentException({message}, parameterName);");
            }

            w.Line();
        }

        Helper("Throws for an elementwise input whose length differs from the first's.", "ThrowLengthMismatch(string parameterName, string firstName)",
            "$\"Every elementwise input must have the same length as '{firstName}'.\"");
        Helper("Throws for a destination shorter than the inputs.", "ThrowDestinationTooShort(string parameterName, string firstName)",
            "$\"Destination is too short: it must have at least as many elements as '{firstName}'.\"");
        Helper("Throws for an output that overlaps an input (other than exactly, in place) or another output.", "ThrowOverlap(string parameterName, string otherName)",
            "$\"The output overlaps '{otherName}': use separate memory, or exactly the same span as an elementwise input for an in-place call.\"");
        if (OfKind(StreamKind.Broadcast).Any())
        {
            Helper("Throws for a broadcast input whose length does not divide the elementwise length.", "ThrowBroadcastLength(string parameterName, string firstName)",
                "$\"A broadcast input holds one value per channel: its length must be at least 1 and divide the length of '{firstName}' (rows x channels).\"");
            Helper("Throws for broadcast inputs of different lengths.", "ThrowBroadcastMismatch(string parameterName, string firstName)",
                "$\"Every broadcast input must have the same length (the number of channels) as '{firstName}'.\"");
        }
    }

    /// <summary>A formula parameter's name as a C# identifier of the kernel (without <c>@</c>; keywords get a suffix).</summary>
    private static string Identifier(string name)
    {
        string bare = name.TrimStart('@');
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(bare) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            || Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetContextualKeywordKind(bare) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            ? bare + "Value"
            : bare;
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
