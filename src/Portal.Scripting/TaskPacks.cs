using System.Collections.Frozen;

namespace Portal.Scripting;

/// <summary>Which zoho.* task packs the portal provides, and the one message for a task of a pack it does not have.</summary>
internal static class TaskPacks
{
    public const string Available = "zoho.crm";

    private static readonly FrozenSet<string> Provided = new[] { "crm" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> Products = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["books"] = "Zoho Books", ["creator"] = "Zoho Creator", ["desk"] = "Zoho Desk", ["inventory"] = "Zoho Inventory",
        ["recruit"] = "Zoho Recruit", ["projects"] = "Zoho Projects", ["people"] = "Zoho People", ["cliq"] = "Zoho Cliq",
        ["mail"] = "Zoho Mail", ["campaigns"] = "Zoho Campaigns", ["salesiq"] = "Zoho SalesIQ", ["analytics"] = "Zoho Analytics",
        ["sign"] = "Zoho Sign", ["bigin"] = "Bigin", ["writer"] = "Zoho Writer", ["sheet"] = "Zoho Sheet",
        ["workdrive"] = "Zoho WorkDrive", ["billing"] = "Zoho Billing", ["subscriptions"] = "Zoho Subscriptions",
        ["invoice"] = "Zoho Invoice", ["expense"] = "Zoho Expense", ["flow"] = "Zoho Flow", ["fsm"] = "Zoho FSM",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The warning (at check) and error (at run) for a zoho.* task outside the provided packs; null when its pack is provided.</summary>
    public static string? MissingPackMessage(string qualifiedName)
    {
        var parts = qualifiedName.Split('.');
        if (parts.Length < 3 || !parts[0].Equals("zoho", StringComparison.OrdinalIgnoreCase) || Provided.Contains(parts[1]))
        {
            return null;
        }

        var product = Products.GetValueOrDefault(parts[1]) ?? "zoho." + parts[1];
        return $"task '{qualifiedName}' belongs to {product}, which this portal does not provide (it has the {Available} pack); call that product's API with invokeUrl and a connection, which reaches any API";
    }
}
