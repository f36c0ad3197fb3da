namespace Portal.Sandbox.Apis.Crm;

/// <summary>The modules Sandbox CRM serves and the related lists between them.</summary>
internal static class CrmModules
{
    public const string Leads = "Leads";
    public const string Contacts = "Contacts";
    public const string Accounts = "Accounts";
    public const string Deals = "Deals";

    public static IReadOnlyList<CrmModule> All { get; } =
    [
        new(Leads, ["Last_Name"], [], [], new Dictionary<string, string>()),
        new(Contacts, ["Last_Name"], [], [], new Dictionary<string, string> { ["Account_Name"] = Accounts }),
        new(Accounts, ["Account_Name"], [], [], new Dictionary<string, string>()),
        new(Deals, ["Deal_Name", "Stage"], ["Amount"], ["Closing_Date"], new Dictionary<string, string>
        {
            ["Account_Name"] = Accounts,
            ["Contact_Name"] = Contacts,
        }),
    ];

    /// <summary>Related lists: (parent module, list name) → (child module, lookup field on the child pointing at the parent).</summary>
    /// <remarks><c>Deals/{id}/Contacts</c> goes the other way: the deal's own <c>Contact_Name</c> lookup.</remarks>
    public static IReadOnlyList<CrmRelation> Relations { get; } =
    [
        new(Contacts, Deals, Deals, "Contact_Name", ChildPointsAtParent: true),
        new(Accounts, Contacts, Contacts, "Account_Name", ChildPointsAtParent: true),
        new(Accounts, Deals, Deals, "Account_Name", ChildPointsAtParent: true),
        new(Deals, Contacts, Contacts, "Contact_Name", ChildPointsAtParent: false),
    ];

    /// <summary>Module names in URLs are case-insensitive, like Zoho's.</summary>
    public static CrmModule? Find(string name) =>
        All.FirstOrDefault(module => string.Equals(module.Name, name, StringComparison.OrdinalIgnoreCase));

    public static CrmRelation? FindRelation(CrmModule parent, string listName) =>
        Relations.FirstOrDefault(relation => relation.ParentModule == parent.Name
            && string.Equals(relation.ListName, listName, StringComparison.OrdinalIgnoreCase));
}
