using System;
using FusedActivations.Generator.Emitting.Isa;

namespace FusedActivations.Generator.Emitting.Engine;

/// <summary>
/// A typed value of a kernel formula: a number of one element type (a vector of it on vector paths) or a lane mask.
/// Formulas combine values through <see cref="FormulaBuilder"/>; a value is an expression tree until the builder binds
/// it to a local, and it is spelled for a path and a lane only when a statement is written. So one formula gives every
/// path and every unrolled lane, and no text is ever rewritten.
/// </summary>
internal abstract class Value
{
    protected Value(ElementInfo element, bool isMask)
    {
        Element = element;
        IsMask = isMask;
    }

    /// <summary>The element type the value holds (for a mask: the type of the values it was compared from).</summary>
    public ElementInfo Element { get; }

    /// <summary>Whether this is a lane mask (a bool on the scalar path) rather than a number.</summary>
    public bool IsMask { get; }

    /// <summary>The C# expression of this value on <paramref name="isa"/> for lane <paramref name="lane"/> of <paramref name="lanes"/>.</summary>
    public abstract string Render(IsaDialect isa, int lane, int lanes);
}

/// <summary>A local bound by <see cref="FormulaBuilder.Let"/> (one per lane: <c>name_0</c>, <c>name_1</c>, ... when unrolled).</summary>
internal sealed class LocalValue : Value
{
    public LocalValue(string name, ElementInfo element, bool isMask)
        : base(element, isMask) => Name = name;

    public string Name { get; }

    public override string Render(IsaDialect isa, int lane, int lanes) => LaneName(Name, lane, lanes);

    /// <summary>Lane <paramref name="lane"/>'s name of a local: itself with one lane, else <c>name_lane</c>.</summary>
    public static string LaneName(string name, int lane, int lanes) => lanes == 1 ? name : name + "_" + lane;
}

/// <summary>A named constant of the kernel class (shared or folded), possibly negated (the negation folds into the name).</summary>
internal sealed class ConstantValue : Value
{
    public ConstantValue(string name, ElementInfo element, bool negated = false)
        : base(element, isMask: false)
    {
        Name = name;
        Negated = negated;
    }

    public string Name { get; }

    public bool Negated { get; }

    public override string Render(IsaDialect isa, int lane, int lanes) => isa.Constant((Negated ? "-" : "") + Name);
}

/// <summary>A literal of the element type.</summary>
internal sealed class LiteralValue : Value
{
    public LiteralValue(double value, ElementInfo element)
        : base(element, isMask: false) => Number = value;

    public double Number { get; }

    public override string Render(IsaDialect isa, int lane, int lanes) => isa.Constant(Element.Literal(Number));
}

/// <summary>An operation on other values, spelled by the path's dialect.</summary>
internal sealed class OperationValue : Value
{
    private readonly Func<IsaDialect, string[], string> _spell;
    private readonly Value[] _operands;

    public OperationValue(ElementInfo element, bool isMask, Func<IsaDialect, string[], string> spell, params Value[] operands)
        : base(element, isMask)
    {
        _spell = spell;
        _operands = operands;
    }

    public override string Render(IsaDialect isa, int lane, int lanes)
    {
        var operands = new string[_operands.Length];
        for (int i = 0; i < operands.Length; i++)
        {
            operands[i] = _operands[i].Render(isa, lane, lanes);
        }

        return _spell(isa, operands);
    }
}

/// <summary>A value that is the same for every lane: a run-time scalar input, broadcast to a vector once per call.</summary>
internal sealed class UniformValue : Value
{
    public UniformValue(string name, ElementInfo element)
        : base(element, isMask: false) => Name = name;

    public string Name { get; }

    public override string Render(IsaDialect isa, int lane, int lanes) => Name;
}
