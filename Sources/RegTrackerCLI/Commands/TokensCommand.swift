import ArgumentParser
import Foundation
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// Dashboard access tokens: created and shown once, stored as their SHA-256 only.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: Help.text(.tokensAbstract),
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text(.tokensCreateAbstract))

        @OptionGroup var global: GlobalOptions

        @Flag(help: Help.argument(.tokensOffice))
        var office = false

        @Option(help: Help.argument(.tokensTownship))
        var township: String?

        @Option(help: Help.argument(.tokensCounty))
        var county: String?

        func validate() throws {
            if office == (township != nil || county != nil) {
                throw ValidationError(Strings.text(.tokensChooseScope, in: global.language))
            }
        }

        func run() throws {
            // A township's or county's token is checked against the roster: it needs the database there is. An
            // office token may be made first, on a database that does not exist yet.
            let store = try global.openStore(creating: township == nil && county == nil)
            let service = ReportService(store: store)
            let language = global.language
            var access = Access.office
            let county = try self.county.map { try resolveCounty($0, service: service, language: language) }
            if let township {
                let found = try service.township(named: township, county: county)
                if let found {
                    access = .township(found.name, county: found.county)
                } else if let county {
                    throw CommandFailure(
                        Strings.text(.counties(.townshipNotInCounty(township, county: county)), in: language))
                } else {
                    let counties = try service.counties(ofTownship: township)
                    if counties.count > 1 {
                        throw CommandFailure(
                            Strings.text(.counties(.tokenTownshipInSeveral(township, counties: counties)), in: language)
                        )
                    }
                    // Not in the roster: the usual message with its suggestion.
                    _ = try resolveTownship(township, service: service, language: language)
                }
            } else if let county {
                access = .county(county)
            }
            let (record, secret) = try TokenService(store: store, clock: global.clock).create(access)
            // The token alone on stdout, even with --quiet (it cannot be shown again), so that `$(…)` captures it;
            // what it is goes to stderr.
            if !global.quiet {
                let scope = Strings.text(.tokenScope(record), in: language)
                FileHandle.standardError.write(
                    Data((Strings.text(.tokenCreatedNote(id: record.id ?? 0, scope: scope), in: language) + "\n").utf8))
            }
            Console.out(secret)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Help.text(.tokensListAbstract))

        @OptionGroup var global: GlobalOptions

        @Flag(help: Help.argument(.printJSON(.list)))
        var json = false

        func run() throws {
            let tokens = try TokenService(store: try global.openExistingStore(), clock: global.clock).list()
            if json {
                return Console.out(
                    JSONValue.array(
                        tokens.map { token in
                            .object([
                                ("id", .optional(token.id)), ("scope", .string(token.scope.rawValue)),
                                ("township", token.township.map(JSONValue.string) ?? .null),
                                ("county", token.county.map(JSONValue.string) ?? .null),
                                ("created_at", .string(token.createdAt)),
                                ("revoked_at", token.revokedAt.map(JSONValue.string) ?? .null),
                            ])
                        }
                    ).rendered())
            }
            guard !tokens.isEmpty else { return global.say(Strings.text(.noTokens, in: global.language)) }
            let headings = Strings.headings(.tokens, in: global.language)
            let rows = tokens.map { token in
                [
                    String(token.id ?? 0), Strings.text(.tokenScope(token), in: global.language),
                    token.createdAt,
                    token.revokedAt.map { Strings.text(.tokenRevokedAt($0), in: global.language) }
                        ?? Strings.text(.tokenActive, in: global.language),
                ]
            }
            global.say(ReportTable.aligned([headings] + rows))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Help.text(.tokensRevokeAbstract))

        @OptionGroup var global: GlobalOptions

        @Argument(help: Help.argument(.tokensRevokeID))
        var id: Int64

        func run() throws {
            guard try TokenService(store: try global.openStore(creating: false), clock: global.clock).revoke(id: id) else {
                throw CommandFailure(Strings.text(.noSuchToken(id), in: global.language))
            }
            global.say(Strings.text(.tokenRevoked(id), in: global.language))
        }
    }
}
