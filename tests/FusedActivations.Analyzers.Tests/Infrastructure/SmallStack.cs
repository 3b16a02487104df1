using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace FusedActivations.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs code on a thread with a 1 MB stack, the size of csc's main thread on Windows (and below the 1.5 MB of .NET's
/// secondary threads on Linux), so that a test of deep input is not passed by a large test-host stack. Work that the
/// code hands to the thread pool runs on the pool's own (1.5 MB) threads.
/// </summary>
internal static class SmallStack
{
    public const int Size = 1 << 20;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception exception)
            {
                error = ExceptionDispatchInfo.Capture(exception);
            }
        }, maxStackSize: Size);
        thread.Start();
        thread.Join();
        error?.Throw();
        return result;
    }
}
