#pragma once
// Signing in, one rule for the workstation and metis-cli. A user proves who they are by one of:
// - the OS account the program runs as, when the user is bound to it (the OS checked it at
//   login; how the person who set the workstation up signs in, and how scripts run);
// - their own password (a salted scrypt hash in the database);
// - the password of the OS account they are bound to, checked by PAM (and through it the
//   hospital directory where the system is joined to one).
// Every attempt is audited; after kMaxFailedSignIns failures within kLockoutMinutes the name is
// refused until the window has passed.

#include "metis/database/PatientDatabase.h"

#include <optional>
#include <stdexcept>
#include <string>

namespace metis::workflow {

inline constexpr int kMaxFailedSignIns = 5;
inline constexpr int kLockoutMinutes = 15;

/// A refused sign-in; the message says why in words a user can act on (and the refusal is in
/// the audit log). `needsPassword()`: a password would be accepted where none was given. The
/// reason and the OS account it names let a user interface say the same in its own language.
class SignInRefused : public std::runtime_error {
public:
    enum class Reason {
        Locked,              ///< too many failures within the lockout window
        NoSuchUser,          ///< no active user of that name
        NoCredential,        ///< neither a password nor an OS account to sign in with
        NeedsPassword,       ///< no password given, and this OS account is not the user's
        WrongPassword,       ///< the user's own password did not match
        WrongSystemPassword, ///< the OS account's password was refused by the system (PAM)
    };
    SignInRefused(Reason reason, const std::string& message, bool needsPassword,
                  std::string osAccount = {})
        : std::runtime_error(message), reason_(reason), needsPassword_(needsPassword),
          osAccount_(std::move(osAccount)) {}
    Reason reason() const { return reason_; }
    bool needsPassword() const { return needsPassword_; }
    /// NeedsPassword: the OS account this program runs as; WrongSystemPassword: the one
    /// checked; otherwise empty.
    const std::string& osAccount() const { return osAccount_; }

private:
    Reason reason_;
    bool needsPassword_;
    std::string osAccount_;
};

/// Signs `username` in with `password` (none: by the OS account this process runs as). Returns
/// the user; throws SignInRefused.
db::User signIn(db::PatientDatabase& database, const std::string& username,
                const std::optional<std::string>& password);

/// True when PAM accepts `password` for the OS account (service "metis", falling back to the
/// system's default rules when no /etc/pam.d/metis exists).
bool systemPasswordMatches(const std::string& osAccount, const std::string& password);

} // namespace metis::workflow
