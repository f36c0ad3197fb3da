using Portal.Connections.Catalog;
using Portal.Connections.Management;

namespace Portal.Web.ConnectionsUi;

/// <summary>Live derivation and format check of link names in the wizard (the engine re-checks on create).</summary>
public static class LinkNameRules
{
    public const string FormatHelp = "Lowercase letter first, then lowercase letters, digits or '_' (at most 50). Functions use it in connection: \"…\"; it cannot be changed later.";

    public static string Derive(string? name) => string.IsNullOrWhiteSpace(name) ? "" : LinkNames.Derive(name);

    /// <summary>Null when the format is valid.</summary>
    public static string? FormatError(string? link) =>
        string.IsNullOrEmpty(link) ? "Enter a link name, for example team_sheets."
        : ServiceValidator.LinkNamePattern().IsMatch(link) ? null
        : "Use 1-50 characters: a lowercase letter first, then lowercase letters, digits or '_'.";
}
