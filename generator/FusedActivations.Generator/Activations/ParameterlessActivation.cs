using System;
using System.Collections.Generic;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Parsing;

namespace FusedActivations.Generator.Activations;

/// <summary>An activation whose attribute has no arguments of its own: nothing to read, validate or fold.</summary>
internal abstract class ParameterlessActivation : Activation
{
    public override ActivationSpec? ReadArguments(ActivationArgumentContext context) => new ParameterlessSpec(Name);

    public override string DescribeArguments(ActivationSpec spec) => $"{Name}'s fixed constants";

    public override IReadOnlyList<KernelConstant> Folded(ActivationSpec spec, ElementInfo element) => Array.Empty<KernelConstant>();
}
