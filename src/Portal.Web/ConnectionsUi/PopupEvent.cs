namespace Portal.Web.ConnectionsUi;

/// <summary>What happened in the provider popup, as reported by connections.js.</summary>
public sealed record PopupEvent(PopupEventKind Kind, string LinkName, string? Message = null);
