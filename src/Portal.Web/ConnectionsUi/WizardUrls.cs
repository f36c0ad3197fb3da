namespace Portal.Web.ConnectionsUi;

/// <summary>The Create Connection wizard's URLs, so reload, Back and Forward land on the same step with the same input (issue 16).</summary>
public static class WizardUrls
{
    public const string PickService = "/connections/new";

    /// <summary>Step 2 for <paramref name="serviceId"/>; the name (and a typed link name) survive a reload.</summary>
    public static string Details(string serviceId, string? name = null, string? linkName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        var url = $"{PickService}?service={Uri.EscapeDataString(serviceId)}";
        if (!string.IsNullOrEmpty(name))
        {
            url += $"&name={Uri.EscapeDataString(name)}";
        }

        if (!string.IsNullOrEmpty(linkName))
        {
            url += $"&link={Uri.EscapeDataString(linkName)}";
        }

        return url;
    }

    /// <summary>Steps 3 and 4 live on the created connection's own URL, so a reload never offers to create it again.</summary>
    public static string Connect(string linkName, bool start = false) =>
        $"/connections/{Uri.EscapeDataString(linkName)}/connect{(start ? "?start=1" : "")}";
}
