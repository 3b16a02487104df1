using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.CodeFixes;

/// <summary>
/// The one fix each occurrence gets: a map loop over arrays or spans becomes a generated kernel
/// (<see cref="GenerateKernelCodeFixProvider"/>), a <c>TensorPrimitives.LogP1</c>/<c>ExpM1</c> call a [Fused] kernel
/// (<see cref="GenerateSpanKernelCodeFixProvider"/>), every other naive expression a FusedMath call
/// (<see cref="UseFusedMathCodeFixProvider"/>). The providers register only for their own occurrences and share
/// this Fix All, so Fix All gives every occurrence its fix whichever provider it starts from.
/// </summary>
/// <remarks>
/// That is what makes <c>dotnet format analyzers --diagnostics FA2001</c> work (issue 9). It runs only the first
/// provider (in the assembly's type order) that changes anything for an ID, with the equivalence key of the first
/// action that provider registers for the first diagnostic (none when it registers nothing there): the key cannot
/// choose the fix, so the occurrence does.
/// </remarks>
internal static class OccurrenceFix
{
    public static FixAllProvider FixAll { get; } =
        SequentialFixAllProvider.Create((document, span, _, cancellationToken) => FixAsync(document, span, cancellationToken));

    public static async Task<Document> FixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        if (await FixTarget.FindAsync(document, span, cancellationToken).ConfigureAwait(false) is not { } target)
        {
            return document;
        }

        return GenerateKernelCodeFixProvider.IsMapLoop(target, cancellationToken)
            ? await GenerateKernelCodeFixProvider.FixAsync(document, span, cancellationToken).ConfigureAwait(false)
            : GenerateSpanKernelCodeFixProvider.IsSpanCall(target)
                ? await GenerateSpanKernelCodeFixProvider.FixAsync(document, span, cancellationToken).ConfigureAwait(false)
                : await UseFusedMathCodeFixProvider.FixAsync(document, span, cancellationToken).ConfigureAwait(false);
    }
}
