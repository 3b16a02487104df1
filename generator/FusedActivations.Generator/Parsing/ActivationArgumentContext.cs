using System.Collections.Generic;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Parsing;

/// <summary>What an activation's argument reader gets to work with.</summary>
/// <param name="Arguments">The attribute's named arguments.</param>
/// <param name="Element">
/// The method's element type, or null when the signature is invalid: readers then validate what they can without it.
/// </param>
/// <param name="MethodName">The method's name, for messages.</param>
/// <param name="Diagnostics">Where to add problems.</param>
internal sealed record ActivationArgumentContext(
    AttributeArguments Arguments,
    ElementType? Element,
    string MethodName,
    List<DiagnosticInfo> Diagnostics);
