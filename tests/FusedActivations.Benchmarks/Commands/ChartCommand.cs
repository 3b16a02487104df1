using System.Collections.Generic;
using System.IO;

namespace FusedActivations.Benchmarks.Commands;

/// <summary>Placeholder.</summary>
public static class ChartCommand
{
    /// <summary>Placeholder.</summary>
    public static int Run(List<string> args, TextWriter output) => 0;
}
