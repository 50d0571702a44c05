#!/usr/bin/env bash
# A bearer token for the conversation service running locally (./gateway up, quarkus:dev), signed with the
# local key pair of this folder. Never use this key pair anywhere but on your machine.
#
#   conversation-service/dev-keys/mint-token.sh AGENT_ID [agent|supervisor|admin] [TEAM] [HOURS]
#
# Claims: iss (JWT_ISSUER, default omnichannel-gateway), upn and sub = AGENT_ID, groups = [ROLE], team = TEAM,
# iat, exp (HOURS from now, default 8), jti. JWT_PRIVATE_KEY names another PEM private key.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
agent="${1:?usage: mint-token.sh AGENT_ID [agent|supervisor|admin] [TEAM] [HOURS]}"
role="${2:-agent}"
team="${3:-}"
hours="${4:-8}"
if [[ ! "$agent$team" =~ ^[A-Za-z0-9._@+-]*$ ]]; then
  echo "agent and team ids may contain letters, digits and . _ @ + - only" >&2
  exit 2
fi
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
team_claim=""
[[ -n "$team" ]] && team_claim=",\"team\":\"$team\""
header='{"alg":"RS256","typ":"JWT"}'
payload="{\"iss\":\"${JWT_ISSUER:-omnichannel-gateway}\",\"upn\":\"$agent\",\"sub\":\"$agent\",\"groups\":[\"$role\"]$team_claim,\"iat\":$now,\"exp\":$((now + hours * 3600)),\"jti\":\"$(openssl rand -hex 12)\"}"
signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature="$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "${JWT_PRIVATE_KEY:-$dir/private.pem}" -binary | b64url)"
printf '%s.%s\n' "$signing_input" "$signature"
