namespace Portal.Web.Integrations;

/// <summary>How a provider reports errors; the task returns a map of <see cref="Fields"/> when <see cref="Field"/> equals <see cref="EqualsValue"/>.</summary>
internal sealed record IntegrationErrorShape
{
    public IReadOnlyList<string> Fields { get; init; } = ["code", "message", "status", "details"];

    public string Field { get; init; } = "status";

    [System.Text.Json.Serialization.JsonPropertyName("equals")]
    public string EqualsValue { get; init; } = "error";
}
