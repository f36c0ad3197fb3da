using System.Text.Json.Nodes;

namespace Portal.Sandbox.Apis.Crm.Criteria;

/// <summary><c>(Field:operator:value)</c>; <see cref="Values"/> holds several entries only for <c>in</c>.</summary>
internal sealed record CriteriaCondition(string Field, string Operator, IReadOnlyList<string> Values) : CriteriaNode
{
    public const string EqualsOperator = "equals";
    public const string NotEqual = "not_equal";
    public const string StartsWith = "starts_with";
    public const string In = "in";
    public const string GreaterThan = "greater_than";
    public const string GreaterEqual = "greater_equal";
    public const string LessThan = "less_than";
    public const string LessEqual = "less_equal";

    public static IReadOnlyList<string> Operators { get; } =
        [EqualsOperator, NotEqual, StartsWith, In, GreaterThan, GreaterEqual, LessThan, LessEqual];

    public override bool Matches(JsonObject record)
    {
        var candidates = CrmValues.Candidates(record, Field);
        return Operator switch
        {
            EqualsOperator => candidates.Any(candidate => CrmValues.AreEqual(candidate, Values[0])),
            NotEqual => !candidates.Any(candidate => CrmValues.AreEqual(candidate, Values[0])),
            StartsWith => candidates.Any(candidate => candidate.StartsWith(Values[0], StringComparison.OrdinalIgnoreCase)),
            In => candidates.Any(candidate => Values.Any(value => CrmValues.AreEqual(candidate, value))),
            GreaterThan => candidates.Any(candidate => CrmValues.Compare(candidate, Values[0]) > 0),
            GreaterEqual => candidates.Any(candidate => CrmValues.Compare(candidate, Values[0]) >= 0),
            LessThan => candidates.Any(candidate => CrmValues.Compare(candidate, Values[0]) < 0),
            LessEqual => candidates.Any(candidate => CrmValues.Compare(candidate, Values[0]) <= 0),
            _ => false,
        };
    }
}
