namespace Portal.Web.Functions;

/// <summary>The code and arguments as they were at one save.</summary>
public sealed class FunctionVersionEntity
{
    public long Id { get; set; }

    public int FunctionId { get; set; }

    public int Number { get; set; }

    public string Code { get; set; } = string.Empty;

    public string ArgumentsJson { get; set; } = "[]";

    public string? SavedByUserId { get; set; }

    public string? SavedByEmail { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public string? Message { get; set; }
}
