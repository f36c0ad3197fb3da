using System.Text.Json.Nodes;
using Portal.Sandbox.Data;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>The demo organisation: 4 accounts, 8 contacts, 6 deals and 23 leads, identical on every fresh database.</summary>
internal static class CrmSeedData
{
    private const long AccountIds = 5843104000000410001;
    private const long ContactIds = 5843104000000420001;
    private const long DealIds = 5843104000000430001;
    private const long LeadIds = 5843104000000440001;

    private static readonly DateTimeOffset Start = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, string Industry, string Website, string Phone)[] Accounts =
    [
        ("Analytical Engines Ltd", "Technology", "https://engines.example.test", "+44 20 7946 0101"),
        ("Harbor Logistics", "Transportation", "https://harbor.example.test", "+1 415 555 0102"),
        ("Greenleaf Foods", "Food & Beverage", "https://greenleaf.example.test", "+1 312 555 0103"),
        ("Northwind Health", "Healthcare", "https://northwind.example.test", "+1 206 555 0104"),
    ];

    private static readonly (string First, string Last, string Email, string Phone)[] Contacts =
    [
        ("Grace", "Hopper", "grace.hopper@engines.example.test", "+44 20 7946 0201"),
        ("Alan", "Turing", "alan.turing@engines.example.test", "+44 20 7946 0202"),
        ("Mary", "Jackson", "mary.jackson@harbor.example.test", "+1 415 555 0203"),
        ("Carlos", "Mendes", "carlos.mendes@harbor.example.test", "+1 415 555 0204"),
        ("Priya", "Natarajan", "priya.natarajan@greenleaf.example.test", "+1 312 555 0205"),
        ("Tom", "Okafor", "tom.okafor@greenleaf.example.test", "+1 312 555 0206"),
        ("Lena", "Fischer", "lena.fischer@northwind.example.test", "+1 206 555 0207"),
        ("Hiro", "Tanaka", "hiro.tanaka@northwind.example.test", "+1 206 555 0208"),
    ];

    /// <summary>(deal, stage, amount, closing date, index of contact; the account is the contact's).</summary>
    private static readonly (string Name, string Stage, decimal Amount, string Closing, int Contact)[] Deals =
    [
        ("Difference Engine Upgrade", "Qualification", 12000m, "2026-12-15", 0),
        ("Compiler Training", "Negotiation/Review", 8500m, "2026-12-20", 1),
        ("Fleet Tracking Rollout", "Proposal/Price Quote", 42000m, "2027-01-31", 2),
        ("Warehouse Sensors", "Closed Won", 15500m, "2026-11-10", 2),
        ("Organic Supply Contract", "Needs Analysis", 23000m, "2027-02-28", 4),
        ("Clinic Scheduling Suite", "Value Proposition", 31000m, "2027-03-15", 6),
    ];

    private static readonly (string First, string Last, string Company, string Status, string Source)[] Leads =
    [
        ("Ada", "Lovelace", "Analytical Engines", "Contacted", "Web Download"),
        ("Charles", "Babbage", "Difference Works", "Qualified", "Trade Show"),
        ("Katherine", "Johnson", "Orbital Math", "Not Contacted", "Partner"),
        ("Edsger", "Dijkstra", "Shortest Path BV", "Attempted to Contact", "Cold Call"),
        ("Barbara", "Liskov", "Substitution Labs", "Contacted", "Web Download"),
        ("Donald", "Knuth", "Literate Press", "Qualified", "Advertisement"),
        ("Margaret", "Hamilton", "Apollo Software", "Not Contacted", "Trade Show"),
        ("Tim", "Berners-Lee", "Hypertext Inc", "Contacted", "Partner"),
        ("Radia", "Perlman", "Spanning Tree Co", "Attempted to Contact", "Cold Call"),
        ("Ken", "Thompson", "Unix Tools", "Lost Lead", "Web Download"),
        ("Frances", "Allen", "Optimizing Compilers", "Qualified", "Advertisement"),
        ("John", "Backus", "Formula Translation", "Not Contacted", "Trade Show"),
        ("Shafi", "Goldwasser", "Zero Knowledge Ltd", "Contacted", "Partner"),
        ("Leslie", "Lamport", "Paxos Systems", "Qualified", "Cold Call"),
        ("Hedy", "Lamarr", "Frequency Hopping", "Attempted to Contact", "Web Download"),
        ("Dennis", "Ritchie", "C Language Co", "Contacted", "Advertisement"),
        ("Evelyn", "Boyd", "Orbit Analytics", "Not Contacted", "Trade Show"),
        ("Niklaus", "Wirth", "Pascal & Sons", "Lost Lead", "Partner"),
        ("Adele", "Goldberg", "Smalltalk Studio", "Qualified", "Cold Call"),
        ("Vint", "Cerf", "Packet Networks", "Contacted", "Web Download"),
        ("Sophie", "Wilson", "Acorn Chips", "Attempted to Contact", "Advertisement"),
        ("Guido", "van Rossum", "Snake Scripts", "Not Contacted", "Trade Show"),
        ("Annie", "Easley", "Centaur Rockets", "Contacted", "Partner"),
    ];

    public static IEnumerable<CrmRecord> Records(IReadOnlyList<SandboxUser> users)
    {
        var owners = users.OrderBy(u => u.Email.StartsWith("sam", StringComparison.Ordinal) ? 0 : 1).Select(CrmUsers.From).ToList();
        var minute = 0;
        CrmRecord Record(string module, long id, JsonObject fields, int index)
        {
            var owner = owners[index % 3 == 2 && owners.Count > 1 ? 1 : 0];
            var time = Start.AddMinutes(37 * minute++);
            return new CrmRecord
            {
                Id = id,
                Module = module,
                FieldsJson = fields.ToJsonString(),
                Owner = owner,
                CreatedBy = owner,
                ModifiedBy = owner,
                CreatedTime = time,
                ModifiedTime = time,
            };
        }

        for (var i = 0; i < Accounts.Length; i++)
        {
            var (name, industry, website, phone) = Accounts[i];
            yield return Record(CrmModules.Accounts, AccountIds + i, new JsonObject
            {
                ["Account_Name"] = name,
                ["Industry"] = industry,
                ["Website"] = website,
                ["Phone"] = phone,
            }, i);
        }

        for (var i = 0; i < Contacts.Length; i++)
        {
            var (first, last, email, phone) = Contacts[i];
            yield return Record(CrmModules.Contacts, ContactIds + i, new JsonObject
            {
                ["First_Name"] = first,
                ["Last_Name"] = last,
                ["Email"] = email,
                ["Phone"] = phone,
                ["Account_Name"] = AccountLookup(i / 2),
            }, i);
        }

        for (var i = 0; i < Deals.Length; i++)
        {
            var (name, stage, amount, closing, contact) = Deals[i];
            yield return Record(CrmModules.Deals, DealIds + i, new JsonObject
            {
                ["Deal_Name"] = name,
                ["Stage"] = stage,
                ["Amount"] = amount,
                ["Closing_Date"] = closing,
                ["Account_Name"] = AccountLookup(contact / 2),
                ["Contact_Name"] = new JsonObject { ["name"] = $"{Contacts[contact].First} {Contacts[contact].Last}", ["id"] = Id(ContactIds + contact) },
            }, i);
        }

        for (var i = 0; i < Leads.Length; i++)
        {
            var (first, last, company, status, source) = Leads[i];
            var handle = (first + "." + last).ToLowerInvariant().Replace(' ', '-');
            var email = i == 0 ? "ada@example.test" : $"{handle}@example.test";
            yield return Record(CrmModules.Leads, LeadIds + i, new JsonObject
            {
                ["First_Name"] = first,
                ["Last_Name"] = last,
                ["Company"] = company,
                ["Email"] = email,
                ["Phone"] = $"+1 555 01{i:D2}",
                ["Lead_Status"] = status,
                ["Lead_Source"] = source,
            }, i);
        }
    }

    /// <summary>Ada Lovelace's lead id, which carries the seeded attachment.</summary>
    public const long AdaLeadId = LeadIds;

    /// <summary>A 1×1 PNG on Ada's lead, so a demo can download a real binary file and attach it elsewhere.</summary>
    public static CrmAttachment Attachment(IReadOnlyList<SandboxUser> users) => new()
    {
        Id = CrmAttachmentStore.FirstNewId - 1,
        Module = CrmModules.Leads,
        RecordId = AdaLeadId,
        FileName = "analytical-engine.png",
        ContentType = "image/png",
        Content = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
        CreatedBy = users.OrderBy(u => u.Email.StartsWith("sam", StringComparison.Ordinal) ? 0 : 1).Select(CrmUsers.From).First(),
        CreatedTime = Start,
    };

    private static JsonObject AccountLookup(int account) => new() { ["name"] = Accounts[account].Name, ["id"] = Id(AccountIds + account) };

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
