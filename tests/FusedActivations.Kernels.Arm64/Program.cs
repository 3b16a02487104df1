using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FusedActivations.Kernels.Tests;

/// <summary>
/// Runs every [Fact] and [Theory] (InlineData / MemberData rows) of this assembly in process and prints
/// "N passed, N failed, N skipped". Exit code 1 when any test fails. Optional arguments filter tests by substring.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine($"Kernel tests on {ActivePath.Describe()}");
        int passed = 0, failed = 0, skipped = 0;
        var tests = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => (Type: t, Method: m)))
            .Where(tm => tm.Method.GetCustomAttribute<FactAttribute>() is not null)
            .OrderBy(tm => tm.Type.FullName).ThenBy(tm => tm.Method.Name);

        foreach ((Type type, MethodInfo method) in tests)
        {
            string name = $"{type.Name}.{method.Name}";
            if (args.Length > 0 && !args.Any(a => name.Contains(a.Split('(')[0], StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            FactAttribute fact = method.GetCustomAttribute<FactAttribute>()!;
            if (fact.Skip is not null)
            {
                skipped++;
                continue;
            }

            foreach (object?[] row in Rows(method))
            {
                string display = row.Length == 0 ? name : $"{name}({string.Join(", ", row)})";
                if (args.Length > 0 && !args.Any(a => display.Contains(a, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var output = new ConsoleOutput();
                try
                {
                    object instance = Create(type, output);
                    method.Invoke(instance, row);
                    passed++;
                }
                catch (TargetInvocationException e)
                {
                    failed++;
                    Console.WriteLine($"FAIL {display}: {e.InnerException?.Message}");
                }

                if (output.Text.Length > 0)
                {
                    Console.Write(output.Text);
                }
            }
        }

        Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
        return failed == 0 ? 0 : 1;
    }

    private static IEnumerable<object?[]> Rows(MethodInfo method)
    {
        if (method.GetCustomAttribute<TheoryAttribute>() is null)
        {
            return new[] { Array.Empty<object?>() };
        }

        return method.GetCustomAttributes<DataAttribute>().SelectMany(data => data.GetData(method));
    }

    private static object Create(Type type, ITestOutputHelper output)
    {
        ConstructorInfo constructor = type.GetConstructors().Single();
        object[] arguments = constructor.GetParameters().Select(p => p.ParameterType == typeof(ITestOutputHelper) ? (object)output : throw new NotSupportedException(p.ParameterType.Name)).ToArray();
        return constructor.Invoke(arguments);
    }

    private sealed class ConsoleOutput : ITestOutputHelper
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text => _text.ToString();

        public void WriteLine(string message) => _text.Append("  ").AppendLine(message);

        public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
