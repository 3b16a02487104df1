using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>
/// The entry point of this test assembly, used only to run it as a worker of the hostile-input suite
/// (<c>dotnet exec FusedActivations.Generator.Tests.dll --hostile-worker</c>): the worker reads one JSON request per
/// line from stdin, checks the case with <see cref="HostileOracle"/> and writes one JSON response per line. The test
/// host never calls Main (xunit loads the assembly as a library).
/// </summary>
public static class HostileWorkerProgram
{
    /// <summary>The command-line switch that starts the worker loop.</summary>
    public const string Switch = "--hostile-worker";

    /// <summary>Prefix of protocol lines on stdout (anything else printed there is ignored).</summary>
    public const string LinePrefix = "@@hostile ";

    /// <summary>The line a worker prints once it has warmed up and is ready for requests.</summary>
    public const string Ready = "@@hostile ready";

    internal static readonly JsonSerializerOptions Json = new() { IncludeFields = false };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] != Switch)
        {
            return 0;
        }

        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));

        // Warm up (JIT of the compiler, generator, analyzer and workspace) before the first timed case.
        foreach (HostileCase warmUp in HostileSeeds.WarmUp)
        {
            HostileOracle.Check(new HostileRequest(-1, warmUp));
        }

        output.WriteLine(Ready);

        while (input.ReadLine() is { } line)
        {
            HostileRequest request = JsonSerializer.Deserialize<HostileRequest>(line, Json)!;
            HostileResponse response = HostileOracle.Check(request);
            output.WriteLine(LinePrefix + JsonSerializer.Serialize(response, Json));
        }

        // stdin closed: the test host is done (or gone).
        return 0;
    }
}
