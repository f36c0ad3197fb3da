using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Catalog;
using Portal.Connections.Credentials;
using Portal.Connections.Egress;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

/// <summary>
/// The library's public surface: services are small public interfaces with internal implementations registered by type.
/// The rule for a public, non-static class: it is a record, an exception, an options class (name ends in <c>Options</c>), an
/// EF Core entity or its <see cref="IEntityTypeConfiguration{TEntity}"/> (namespace <c>Portal.Connections.Data</c>), or one of
/// the listed non-services (state a caller makes with <c>new</c>, a base class the host derives from). Anything else is a
/// service and belongs behind an interface; the few that are not yet are listed in <see cref="RemainingConcreteServices"/>,
/// so a new one fails here. Every public interface resolves after <c>AddPortalConnections</c> (with egress filtering),
/// except the extension points the host contributes to.
/// </summary>
public sealed class PublicSurfaceTests
{
    /// <summary>Public classes that are not services: per-run state made with <c>new</c>, a base class for the host.</summary>
    private static readonly Type[] NotServices = [typeof(ConnectionUseContext), typeof(CredentialRedaction), typeof(BackgroundPassGuard)];

    /// <summary>Concrete services still public (the host uses them directly); the next to move behind interfaces.</summary>
    private static readonly Type[] RemainingConcreteServices = [typeof(EgressAllowList), typeof(EgressUrlPolicy), typeof(ServiceValidator)];

    /// <summary>Interfaces the host implements and registers zero or more of; none is registered by the library.</summary>
    private static readonly Type[] HostContributions = [typeof(ICatalogContributor)];

    private static readonly Type[] PublicTypes = typeof(ConnectionsServiceCollectionExtensions).Assembly.GetExportedTypes();

    [Fact]
    public void Every_public_class_is_a_value_record_exception_options_or_entity_not_a_service()
    {
        var services = PublicTypes
            .Where(t => t.IsClass && !(t.IsAbstract && t.IsSealed) && !IsValueShaped(t) && !NotServices.Contains(t) && !RemainingConcreteServices.Contains(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(services);
    }

    [Fact]
    public void No_public_concrete_class_is_registered_as_a_service()
    {
        using var engine = CreateEngine();
        var registered = engine.Registrations
            .Select(d => d.ServiceType)
            .Where(t => t.IsPublic && t.Assembly == typeof(ConnectionsServiceCollectionExtensions).Assembly && t.IsClass && !RemainingConcreteServices.Contains(t))
            .Select(t => t.FullName)
            .Distinct()
            .ToList();

        Assert.Empty(registered);
    }

    [Fact]
    public void Every_public_interface_resolves_after_AddPortalConnections()
    {
        using var engine = CreateEngine();
        var interfaces = PublicTypes.Where(t => t.IsInterface && !HostContributions.Contains(t)).ToList();

        Assert.Contains(typeof(Management.IConnectionManager), interfaces);
        foreach (var type in interfaces)
        {
            Assert.True(engine.Engine.Services.GetService(type) is not null, $"{type.FullName} does not resolve.");
        }
    }

    private static bool IsValueShaped(Type t) =>
        t.GetMethod("<Clone>$") is not null
        || typeof(Exception).IsAssignableFrom(t)
        || t.Name.EndsWith("Options", StringComparison.Ordinal)
        || (t.Namespace == "Portal.Connections.Data"
            && (t.Name.EndsWith("Entity", StringComparison.Ordinal)
                || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))));

    private static EngineWithRegistrations CreateEngine()
    {
        List<Microsoft.Extensions.DependencyInjection.ServiceDescriptor> registrations = [];
        var engine = TestEngine.Create(configure: s =>
        {
            s.AddPortalEgressFiltering(new ConfigurationBuilder().Build());
            registrations.AddRange(s);
        });
        return new EngineWithRegistrations(engine, registrations);
    }

    private sealed record EngineWithRegistrations(TestEngine Engine, IReadOnlyList<Microsoft.Extensions.DependencyInjection.ServiceDescriptor> Registrations) : IDisposable
    {
        public void Dispose() => Engine.Dispose();
    }
}
