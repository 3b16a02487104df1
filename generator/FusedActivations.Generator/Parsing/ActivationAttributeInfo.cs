using System;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Parsing;

/// <summary>An activation attribute the generator implements.</summary>
/// <param name="MetadataName">The attribute's metadata name, e.g. <c>FusedActivations.SoftplusAttribute</c>.</param>
/// <param name="ReadArguments">
/// Reads the activation's own named arguments into its spec; returns null when they are invalid (after adding
/// diagnostics) or not constants yet (quietly: the compiler reports those).
/// </param>
internal sealed record ActivationAttributeInfo(string MetadataName, Func<ActivationArgumentContext, ActivationSpec?> ReadArguments);
