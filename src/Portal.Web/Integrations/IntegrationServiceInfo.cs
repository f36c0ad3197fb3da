namespace Portal.Web.Integrations;

/// <summary>What integrations need to know about a catalogue service.</summary>
internal sealed record IntegrationServiceInfo(string DisplayName, IReadOnlyList<string> AllowedApiBaseUrls);
