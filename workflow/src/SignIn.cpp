#include "metis/workflow/SignIn.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <security/pam_appl.h>

namespace metis::workflow {
namespace {

// PAM asks its questions through this; the only answer Metis has is the password.
int answerWithPassword(int count, const pam_message** messages, pam_response** responses,
                       void* password) {
    auto* answers = static_cast<pam_response*>(std::calloc(count, sizeof(pam_response)));
    if (!answers) {
        return PAM_BUF_ERR;
    }
    for (int i = 0; i < count; ++i) {
        if (messages[i]->msg_style == PAM_PROMPT_ECHO_OFF ||
            messages[i]->msg_style == PAM_PROMPT_ECHO_ON) {
            answers[i].resp = strdup(static_cast<const std::string*>(password)->c_str());
        }
    }
    *responses = answers; // PAM frees them
    return PAM_SUCCESS;
}

} // namespace

bool systemPasswordMatches(const std::string& osAccount, const std::string& password) {
    std::string answer = password;
    pam_conv conversation{&answerWithPassword, &answer};
    pam_handle_t* handle = nullptr;
    if (pam_start("metis", osAccount.c_str(), &conversation, &handle) != PAM_SUCCESS) {
        return false;
    }
    int status = pam_authenticate(handle, PAM_SILENT | PAM_DISALLOW_NULL_AUTHTOK);
    if (status == PAM_SUCCESS) {
        status = pam_acct_mgmt(handle, PAM_SILENT);
    }
    pam_end(handle, status);
    return status == PAM_SUCCESS;
}

db::User signIn(db::PatientDatabase& database, const std::string& username,
                const std::optional<std::string>& password) {
    using Reason = SignInRefused::Reason;
    const auto refuse = [&](Reason reason, const std::string& audited, const std::string& message,
                            bool needsPassword, const std::string& osAccount = {}) {
        database.appendAudit(username, "auth.failed", "user", username, audited);
        throw SignInRefused(reason, message, needsPassword, osAccount);
    };
    const std::string since = db::utcTimestamp(std::chrono::minutes(kLockoutMinutes));
    if (database.countAuditSince("auth.failed", username, since) >= kMaxFailedSignIns) {
        database.appendAudit(username, "auth.locked", "user", username);
        throw SignInRefused(Reason::Locked,
                            "too many failed sign-ins for '" + username + "': try again in " +
                                std::to_string(kLockoutMinutes) + " minutes",
                            false);
    }
    const auto user = database.findUser(username);
    if (!user) {
        refuse(Reason::NoSuchUser, "no such active user",
               "no active user '" + username + "' in " + database.path(), false);
    }
    const db::UserCredentials credentials = database.credentials(username);
    std::string method;
    if (credentials.osAccount.empty() && !credentials.hasPassword) {
        refuse(Reason::NoCredential, "no credential",
               "'" + username +
                   "' has no password and no OS account to sign in with; an administrator "
                   "sets one",
               false);
    }
    if (!password) {
        const std::string osAccount = db::currentOsAccount();
        if (credentials.osAccount.empty() || credentials.osAccount != osAccount) {
            refuse(Reason::NeedsPassword, "no password given",
                   "'" + username + "' needs a password (this program runs as the OS account '" +
                       osAccount + "', not one bound to that user)",
                   credentials.hasPassword || !credentials.osAccount.empty(), osAccount);
        }
        method = "os-account " + osAccount;
    } else if (credentials.hasPassword) {
        if (!database.passwordMatches(username, *password)) {
            refuse(Reason::WrongPassword, "wrong password", "wrong password for '" + username + "'",
                   true);
        }
        method = "password";
    } else if (!credentials.osAccount.empty()) {
        if (!systemPasswordMatches(credentials.osAccount, *password)) {
            refuse(Reason::WrongSystemPassword,
                   "the system refused the password of " + credentials.osAccount,
                   "wrong password for '" + username + "' (checked as the OS account '" +
                       credentials.osAccount + "')",
                   true, credentials.osAccount);
        }
        method = "pam " + credentials.osAccount;
    }
    database.appendAudit(username, "auth.sign-in", "user", username, method);
    return *user;
}

} // namespace metis::workflow
