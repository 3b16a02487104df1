using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Benchmarks.Peers;
using ScottPlot;
using SkiaSharp;

namespace FusedActivations.Benchmarks.Commands;

/// <summary>
/// <c>--chart [input] [--out dir]</c>: reads the tidy CSVs (<see cref="TidyCsvExporter"/>) from <c>input</c> (a folder or
/// file; default: <c>BenchmarkDotNet.Artifacts/results</c> of this project), and writes to <c>--out</c> (default:
/// <c>results/</c> of this project), per activation: <c>&lt;activation&gt;.csv</c> (the merged data, committed, so the chart
/// can be redrawn from it), <c>&lt;activation&gt;.md</c> (the speed tables) and <c>&lt;activation&gt;.png</c>
/// (ns/element against array length, log–log, one panel per element type and input range, narrow first, every peer on
/// the first job, our kernel on every job). Tables and chart put the input ranges side by side, narrow first. Run with the committed <c>results/</c> as input to redraw the chart without benchmarking.
/// The fused kernels (issue 12) go to <c>fused.csv</c> and <c>fused.md</c> instead (ChartCommand.Fused.cs).
/// </summary>
public static partial class ChartCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(List<string> args, TextWriter output)
    {
        string projectDirectory = ProjectDirectory();
        string outputDirectory = Path.Combine(projectDirectory, "results");
        int outIndex = args.FindIndex(a => a == "--out");
        if (outIndex >= 0 && outIndex + 1 < args.Count)
        {
            outputDirectory = Path.GetFullPath(args[outIndex + 1]);
            args.RemoveRange(outIndex, 2);
        }

        string input = args.Count > 0 ? Path.GetFullPath(args[0]) : Path.Combine(projectDirectory, "BenchmarkDotNet.Artifacts", "results");
        string[] files = File.Exists(input) ? [input] : Directory.Exists(input) ? Directory.GetFiles(input, "*.csv") : [];
        List<Row> rows = [.. files.SelectMany(Row.Read)];
        if (rows.Count == 0)
        {
            output.WriteLine($"No tidy benchmark CSV (header {string.Join(",", TidyCsvExporter.Header.Take(4))},...) in {input}. Run the benchmarks first.");
            return 1;
        }

        Directory.CreateDirectory(outputDirectory);
        // The fused kernels have their own file (fused.{csv,md}); every other activation one set of files each.
        foreach (IGrouping<string, Row> activation in rows.Where(r => !FusedPeers.IsFused(r.Activation)).GroupBy(r => r.Activation))
        {
            // A later file replaces an earlier one's figures for the same case (e.g. a rerun of one peer).
            List<Row> data = [.. activation.GroupBy(r => (r.Type, r.Job, r.Peer, r.Length, r.Inputs)).Select(g => g.Last())
                .OrderBy(r => TypeOrder(r.Type)).ThenBy(r => r.Job).ThenBy(r => r.Peer).ThenBy(r => r.Length).ThenBy(r => InputData.Order(r.Inputs))];
            string stem = Path.Combine(outputDirectory, activation.Key.ToLowerInvariant());
            if (!files.Any(f => string.Equals(Path.GetFullPath(f), Path.GetFullPath(stem + ".csv"), StringComparison.Ordinal)))
            {
                File.WriteAllLines(stem + ".csv", [string.Join(",", TidyCsvExporter.Header), .. data.Select(r => r.Line)]);
            }

            File.WriteAllText(stem + ".md", Tables(activation.Key, data));
            if (data.Select(r => r.Length).Distinct().Count() > 1)
            {
                Draw(activation.Key, data, stem + ".png");
                output.WriteLine($"{activation.Key}: {data.Count} figures -> {stem}.png, {stem}.md, {stem}.csv");
            }
            else
            {
                // One length only: a chart against length would be single points; the tables say it all.
                output.WriteLine($"{activation.Key}: {data.Count} figures -> {stem}.md, {stem}.csv (one length: no chart)");
            }
        }

        List<Row> family = [.. rows.Where(r => r.Length == Plans.FamilyLength && !FusedPeers.IsFused(r.Activation)).GroupBy(r => (r.Activation, r.Type, r.Job, r.Peer, r.Inputs)).Select(g => g.Last())];
        if (family.Select(r => r.Activation).Distinct().Count() > 1)
        {
            string path = Path.Combine(outputDirectory, "family.md");
            File.WriteAllText(path, FamilyTables(family));
            output.WriteLine($"family: {family.Count} figures at 64 Ki -> {path}");
        }

        WriteFused(rows, files, outputDirectory, output);

        return 0;
    }

    private static int TypeOrder(string type) => type == "Single" ? 0 : type == "Double" ? 1 : 2;

    private static string TypeName(string type) => type switch { "Single" => "float", "Double" => "double", _ => type };

    private static string LengthName(int length) =>
        length >= 1 << 20 && length % (1 << 20) == 0 ? $"{length >> 20} Mi" : length >= 1024 && length % 1024 == 0 ? $"{length >> 10} Ki" : length.ToString(CultureInfo.InvariantCulture);

    private static string Machine(IReadOnlyList<Row> data)
    {
        Row first = data[0];
        return $"{first.Cpu}; {first.Os}; {first.Runtime}";
    }

    private static string Tables(string activation, List<Row> data)
    {
        var text = new StringBuilder();
        text.AppendLine($"<!-- Generated by: dotnet run -c Release --project tests/FusedActivations.Benchmarks -- --chart (from {activation.ToLowerInvariant()}.csv) -->");
        text.AppendLine($"Machine: {Machine(data)}. One thread.");
        if (data.Any(r => !r.OursGenerated))
        {
            text.AppendLine();
            text.AppendLine("**\"Ours\" is a STAND-IN (scalar FusedMath loop), not the generated kernel: these figures say nothing about it yet.**");
        }

        int[] lengths = [.. data.Select(r => r.Length).Distinct().Order()];
        string[] ranges = [.. data.Select(r => r.Inputs).Distinct().OrderBy(InputData.Order).ThenBy(r => r, StringComparer.Ordinal)];
        // Only the input ranges measured at each length (the family plan measures some lengths on narrow inputs only).
        string[] RangesAt(int length) => [.. ranges.Where(range => data.Any(r => r.Length == length && r.Inputs == range))];
        foreach (var table in data.GroupBy(r => (r.Type, r.Job)))
        {
            text.AppendLine();
            text.AppendLine($"#### {activation}, {TypeName(table.Key.Type)}, job {table.Key.Job}");
            text.AppendLine();
            if (table.Select(r => r.Paths).FirstOrDefault(p => p.Length > 0) is { } paths)
            {
                text.AppendLine($"What ran: {paths}.");
                text.AppendLine();
            }

            text.Append("| Implementation |");
            foreach (int length in lengths)
            {
                foreach (string range in RangesAt(length))
                {
                    text.Append($" {LengthName(length)} {InputData.Name(range)}: ns/element |");
                }

                foreach (string range in RangesAt(length))
                {
                    text.Append($" {InputData.Name(range)}: time ÷ ours |");
                }
            }

            text.AppendLine();
            text.Append("|---|");
            text.AppendLine(string.Concat(Enumerable.Repeat("---:|", lengths.Sum(l => RangesAt(l).Length) * 2)));
            foreach (var peer in table.GroupBy(r => r.Peer).OrderBy(g => Enum.TryParse(g.Key, out PeerKind k) ? (int)k : 99))
            {
                text.Append($"| {peer.Key}: {peer.First().Label.Replace("|", "\\|", StringComparison.Ordinal)} |");
                foreach (int length in lengths)
                {
                    Row?[] rows = [.. RangesAt(length).Select(range => peer.FirstOrDefault(r => r.Length == length && r.Inputs == range))];
                    foreach (Row? row in rows)
                    {
                        text.Append(row is null ? " |" : $" {Measurements.Format(row.NsPerElement)} |");
                    }

                    foreach (Row? row in rows)
                    {
                        text.Append(row?.Ratio is double ratio ? $" {ratio.ToString("F2", CultureInfo.InvariantCulture)} |" : " |");
                    }
                }

                text.AppendLine();
            }
        }

        text.AppendLine();
        text.AppendLine($"Inputs: uniform over {string.Join(" and ", ranges.Select(r => $"{r} ({InputData.Name(r)})"))}, seed {InputData.Seed}, the same array for every peer. " +
            "ns/element: median time per call ÷ length (BenchmarkDotNet's median over iterations). time ÷ ours: the peer's time over our kernel's on the same inputs, job and length; above 1, our kernel is faster. " +
            "GB/s ((bytes read + bytes written) ÷ time) and standard deviations are in the CSV.");
        return text.ToString();
    }

    /// <summary>
    /// The activations side by side at 64 Ki: issue 11's speed bar first (floats, inputs [−8, 8], the AVX-512 job:
    /// Sigmoid and Tanh at least as fast as TensorPrimitives' own, every other activation at least 2× faster than its
    /// composition and faster than PyTorch), then one table per element type and job.
    /// </summary>
    private static string FamilyTables(List<Row> data)
    {
        string[] order = ["Softplus", .. FamilyPeers.All.Select(a => a.Name)];
        int Order(string activation) => Array.IndexOf(order, activation) is >= 0 and int i ? i : order.Length;
        string[] activations = [.. data.Select(r => r.Activation).Distinct().OrderBy(Order)];
        Row? Find(string activation, string type, string job, PeerKind kind, string inputs) =>
            data.FirstOrDefault(r => r.Activation == activation && r.Type == type && r.Job == job && r.Peer == kind.ToString() && r.Inputs == inputs);
        string Ratio(Row? row) => row?.Ratio is double ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) : "";
        string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

        var text = new StringBuilder();
        text.AppendLine("<!-- Generated by: dotnet run -c Release --project tests/FusedActivations.Benchmarks -- --chart (from the activations' CSVs) -->");
        text.AppendLine($"Machine: {Machine(data)}. One thread. 64 Ki elements; time ÷ ours above 1: our kernel is faster.");
        string barJob = BenchmarkConfig.JobName(SimdPath.Avx512);
        if (data.Any(r => r.Type == "Single" && r.Job == barJob && r.Inputs == InputData.Bar))
        {
            text.AppendLine();
            text.AppendLine($"#### The speed bar: 64 Ki floats, job {barJob}, inputs {InputData.Bar}");
            text.AppendLine();
            text.AppendLine("| Activation | ours ns/element | TensorPrimitives: what runs | TensorPrimitives ÷ ours | bar | PyTorch ÷ ours | bar | naive loop ÷ ours |");
            text.AppendLine("|---|---:|---|---:|---|---:|---|---:|");
            foreach (string activation in activations)
            {
                Row? ours = Find(activation, "Single", barJob, PeerKind.Ours, InputData.Bar);
                if (ours is null)
                {
                    continue;
                }

                Row? tp = Find(activation, "Single", barJob, PeerKind.TensorPrimitives, InputData.Bar);
                Row? torch = Find(activation, "Single", barJob, PeerKind.TorchSharp, InputData.Bar);
                Row? naive = Find(activation, "Single", barJob, PeerKind.NaiveScalar, InputData.Bar);
                double needed = activation is "Sigmoid" or "Tanh" ? 1.0 : 2.0; // its own operation: as fast; a composition: 2x
                string tpBar = tp?.Ratio is double r1 ? $"{(r1 >= needed ? "met" : "NOT met")} (≥ {needed:F1})" : "";
                string torchBar = torch?.Ratio is double r2 ? (r2 > 1 ? "met (> 1)" : "NOT met (> 1)") : "";
                text.AppendLine($"| {activation} | {Measurements.Format(ours.NsPerElement)} | {Cell(tp?.Label ?? "")} | {Ratio(tp)} | {tpBar} | {Ratio(torch)} | {torchBar} | {Ratio(naive)} |");
            }
        }

        PeerKind[] peers = [PeerKind.NaiveScalar, PeerKind.StableScalar, PeerKind.TensorPrimitives, PeerKind.OnnxRuntime, PeerKind.TorchSharp];
        foreach (var table in data.GroupBy(r => (r.Type, r.Job)).OrderBy(g => TypeOrder(g.Key.Type)).ThenBy(g => g.Key.Job, StringComparer.Ordinal))
        {
            string[] ranges = [.. table.Select(r => r.Inputs).Distinct().OrderBy(InputData.Order)];
            PeerKind[] present = [.. peers.Where(k => table.Any(r => r.Peer == k.ToString()))];
            text.AppendLine();
            text.AppendLine($"#### 64 Ki, {TypeName(table.Key.Type)}, job {table.Key.Job}");
            text.AppendLine();
            if (table.Select(r => r.Paths).FirstOrDefault(p => p.Length > 0) is { } paths)
            {
                text.AppendLine($"What ran: {paths}.");
                text.AppendLine();
            }

            text.Append("| Activation |");
            foreach (string range in ranges)
            {
                text.Append($" {InputData.Name(range)}: ours ns/element |");
                foreach (PeerKind kind in present)
                {
                    text.Append($" {InputData.Name(range)}: {kind} ÷ ours |");
                }
            }

            text.AppendLine();
            text.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", ranges.Length * (1 + present.Length))));
            foreach (string activation in activations.Where(a => table.Any(r => r.Activation == a)))
            {
                text.Append($"| {activation} |");
                foreach (string range in ranges)
                {
                    Row? ours = Find(activation, table.Key.Type, table.Key.Job, PeerKind.Ours, range);
                    text.Append(ours is null ? " |" : $" {Measurements.Format(ours.NsPerElement)} |");
                    foreach (PeerKind kind in present)
                    {
                        text.Append($" {Ratio(Find(activation, table.Key.Type, table.Key.Job, kind, range))} |");
                    }
                }

                text.AppendLine();
            }
        }

        text.AppendLine();
        text.AppendLine("What each column runs, per activation (the labels):");
        text.AppendLine();
        foreach (string activation in activations)
        {
            string labels = string.Join("; ", data.Where(r => r.Activation == activation && r.Type == "Single").GroupBy(r => r.Peer)
                .OrderBy(g => Enum.TryParse(g.Key, out PeerKind k) ? (int)k : 99).Select(g => $"{g.Key}: {g.First().Label}"));
            text.AppendLine($"- {activation}: {labels}");
        }

        text.AppendLine();
        text.AppendLine($"Inputs: uniform over the range, seed {InputData.Seed}, the same array for every peer (InverseSoftplus: softplus of it). " +
            "ns/element: median time per call ÷ length. time ÷ ours: the peer's median over our kernel's, same inputs, job and length.");
        return text.ToString();
    }

    private static void Draw(string activation, List<Row> data, string path)
    {
        string[] types = [.. data.Select(r => r.Type).Distinct().OrderBy(TypeOrder)];
        string[] ranges = [.. data.Select(r => r.Inputs).Distinct().OrderBy(InputData.Order).ThenBy(r => r, StringComparer.Ordinal)];
        string firstJob = data.Select(r => r.Job).Distinct().Order(StringComparer.Ordinal).First();
        string[] footer =
        [
            $"{Machine(data)}; one thread" + (data.Any(r => !r.OursGenerated) ? "   [Ours = STAND-IN scalar loop, not the generated kernel]" : ""),
            .. data.GroupBy(r => r.Job).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"job {g.Key}: {g.First().Paths}"),
        ];
        const int panelWidth = 820, panelHeight = 730, lineHeight = 18;
        int footerHeight = (lineHeight * footer.Length) + 10;
        // One panel per element type (rows) and input range (columns, narrow first), all on the same y scale.
        using SKSurface surface = SKSurface.Create(new SKImageInfo(panelWidth * ranges.Length, (panelHeight * types.Length) + footerHeight));
        surface.Canvas.Clear(SKColors.White);
        double yMin = Math.Floor(Math.Log10(data.Min(r => r.NsPerElement)) * 4) / 4, yMax = Math.Ceiling(Math.Log10(data.Max(r => r.NsPerElement)) * 4) / 4;
        for (int panel = 0; panel < types.Length * ranges.Length; panel++)
        {
            string type = types[panel / ranges.Length], range = ranges[panel % ranges.Length];
            List<Row> rows = [.. data.Where(r => r.Type == type && r.Inputs == range)];
            if (rows.Count == 0)
            {
                continue;
            }

            var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            foreach (var peer in rows.GroupBy(r => r.Peer).OrderBy(g => Enum.TryParse(g.Key, out PeerKind k) ? (int)k : 99))
            {
                Color color = palette.GetColor(Enum.TryParse(peer.Key, out PeerKind kind) ? (int)kind : 9); // Same colour in every panel.
                foreach (var job in peer.GroupBy(r => r.Job).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    bool isFirstJob = job.Key == firstJob;
                    if (!isFirstJob && peer.Key != nameof(PeerKind.Ours))
                    {
                        continue; // Other jobs: only our kernel, to keep the chart readable (the tables have all).
                    }

                    Row[] points = [.. job.OrderBy(r => r.Length)];
                    var line = plot.Add.Scatter(
                        points.Select(r => Math.Log10(r.Length)).ToArray(),
                        points.Select(r => Math.Log10(r.NsPerElement)).ToArray(),
                        color);
                    line.LineWidth = peer.Key == nameof(PeerKind.Ours) ? 3 : 2;
                    line.MarkerSize = 8;
                    line.LinePattern = isFirstJob ? LinePattern.Solid : LinePattern.Dashed;
                    line.LegendText = $"{peer.Key} ({job.Key})" + (peer.Key == nameof(PeerKind.Ours) && !points[0].OursGenerated ? " STAND-IN" : "");
                }
            }

            int[] lengths = [.. rows.Select(r => r.Length).Distinct().Order()];
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. lengths.Select(l => Math.Log10(l))], [.. lengths.Select(LengthName)]);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
            };
            plot.Axes.Left.Label.Text = "ns per element (log scale)";
            plot.Axes.Bottom.Label.Text = "array length (elements, log scale)";
            plot.Axes.SetLimitsX(Math.Log10(lengths[0]) - 0.3, Math.Log10(lengths[^1]) + 0.3);
            plot.Axes.SetLimitsY(yMin, yMax);
            plot.Title($"{activation}, {TypeName(type)}, inputs {InputData.Name(range)} {range}: solid = job {firstJob}, dashed = other jobs", 13);
            plot.ShowLegend(Edge.Bottom);
            plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.15);
            // Each panel is rendered on its own (a plot paints its whole canvas) and then placed side by side.
            using SKBitmap rendered = SKBitmap.Decode(plot.GetImageBytes(panelWidth, panelHeight, ImageFormat.Png));
            surface.Canvas.DrawBitmap(rendered, panel % ranges.Length * panelWidth, panel / ranges.Length * panelHeight);
        }

        using var paint = new SKPaint { Color = SKColors.DimGray, IsAntialias = true };
        using var font = new SKFont { Size = 13 };
        for (int line = 0; line < footer.Length; line++)
        {
            surface.Canvas.DrawText(footer[line], 12, (panelHeight * types.Length) + (lineHeight * (line + 1)), SKTextAlign.Left, font, paint);
        }
        using SKImage image = surface.Snapshot();
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        png.SaveTo(file);
    }

    private static string ProjectDirectory() =>
        typeof(ChartCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value is { } directory && Directory.Exists(directory) ? directory : Environment.CurrentDirectory;

    /// <summary>One line of a tidy CSV.</summary>
    private sealed record Row(
        string Activation, string Type, string Job, string Peer, string Label, int Length, string Inputs, double NsPerElement, double GBps,
        double? Ratio, bool OursGenerated, string Cpu, string Os, string Runtime, string Paths, string Line)
    {
        public static IEnumerable<Row> Read(string path)
        {
            string[] lines = File.ReadAllLines(path);
            if (lines.Length == 0 || !lines[0].StartsWith(string.Join(",", TidyCsvExporter.Header.Take(4)), StringComparison.Ordinal))
            {
                yield break;
            }

            string[] header = Split(lines[0]);
            foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
            {
                string[] fields = Split(line);
                string Field(string name) => Array.IndexOf(header, name) is >= 0 and int i ? fields[i] : string.Empty;
                double Number(string name) => double.Parse(Field(name), CultureInfo.InvariantCulture);
                yield return new Row(
                    Field("Activation"), Field("Type"), Field("Job"), Field("Peer"), Field("Label"), int.Parse(Field("Length"), CultureInfo.InvariantCulture),
                    Field("Inputs") is { Length: > 0 } inputs ? inputs : InputData.Wide, // CSVs from before the Inputs parameter: [-30, 30]
                    Number("NsPerElement"), Number("GBps"), Field("RatioToOurs") is { Length: > 0 } ? Number("RatioToOurs") : null,
                    Field("OursGenerated") == "true", Field("Cpu"), Field("Os"), Field("Runtime"), Field("Paths"), line);
            }
        }

        private static string[] Split(string line)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            return [.. fields];
        }
    }
}
