using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Data;

/// <summary>
/// The same model as <see cref="PortalDbContext"/> on PostgreSQL. A type of its own gives PostgreSQL its own migration
/// set and snapshot (Data/Migrations/PostgreSQL) while every service keeps asking for a <see cref="PortalDbContext"/>.
/// </summary>
/// <remarks>
/// Add a migration to both sets after a model change; the PostgreSQL one goes through the app's host, whose Identity
/// options shape the model, with the provider switched:
/// <code>
/// dotnet ef migrations add NAME --project src/Portal.Web --context PortalDbContext
/// Database__Provider=PostgreSQL ConnectionStrings__Portal="Host=localhost;Database=portal" \
///   dotnet ef migrations add NAME --project src/Portal.Web --context PostgresPortalDbContext --output-dir Data/Migrations/PostgreSQL
/// </code>
/// </remarks>
public sealed class PostgresPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options);
