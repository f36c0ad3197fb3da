namespace Portal.Web.Integrations;

/// <summary>The packs this portal offers; built-in ones come from Integrations/Packs.</summary>
internal sealed class IntegrationPackCatalog(IReadOnlyList<IntegrationPack> packs)
{
    public IReadOnlyList<IntegrationPack> Packs { get; } = packs;

    public static IntegrationPackCatalog BuiltIn() => new(IntegrationPackLoader.LoadBuiltIn());

    public IntegrationPack? Find(string ns) =>
        Packs.FirstOrDefault(p => string.Equals(p.Namespace, ns, StringComparison.OrdinalIgnoreCase));

    /// <summary>Splits "zoho.crm.getRecords" into its pack and task name; null when no pack owns the namespace.</summary>
    public (IntegrationPack Pack, string TaskName)? Resolve(string qualifiedName)
    {
        var dot = qualifiedName.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        var pack = Find(qualifiedName[..dot]);
        return pack is null ? null : (pack, qualifiedName[(dot + 1)..]);
    }
}
