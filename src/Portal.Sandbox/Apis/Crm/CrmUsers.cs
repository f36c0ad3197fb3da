using System.Text;
using Portal.Sandbox.Data;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>Sandbox accounts as CRM users: Zoho-style numeric ids derived from the account id, the same on every start.</summary>
internal static class CrmUsers
{
    private const string IdPrefix = "5843104000000";

    public static CrmUserRef From(SandboxCaller caller) =>
        new(caller.Name ?? caller.ClientId ?? caller.Subject, IdFor(caller.Subject), caller.Email ?? "");

    public static CrmUserRef From(SandboxUser user) => new(user.DisplayName, IdFor(user.Id), user.Email);

    public static string IdFor(string subject)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(subject))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return IdPrefix + (hash % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
