namespace Firebreak.Core.Tests.Languages.Shell;

/// <summary>A realistic deployment script exercising most syntax; used by prefix/mutation robustness tests.</summary>
internal static class ShellSamples
{
    public const string Deploy = """
        #!/usr/bin/env bash
        # Deploy the service to the target environment.
        set -euo pipefail
        IFS=$'\n\t'

        readonly ENVIRONMENT="${1:-staging}"
        readonly REGION=${AWS_REGION:-eu-west-1}
        declare -a SERVICES=(api worker 'cron job')
        LOG_DIR="$(mktemp -d)"; trap 'rm -rf "$LOG_DIR"' EXIT

        log() { printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2; }

        function require {
          command -v "$1" >/dev/null 2>&1 || { log "missing $1"; exit 1; }
        }

        for tool in aws jq kubectl; do require "$tool"; done

        if [[ "$ENVIRONMENT" == prod* && -z ${FORCE:-} ]]; then
          read -r -p "Deploy to $ENVIRONMENT? [y/N] " answer
          case "$answer" in
            y|Y|yes) log "confirmed" ;;
            *) log "aborted"; exit 1 ;;
          esac
        elif [ "$ENVIRONMENT" = "dev" ]; then
          export DEBUG=1
        else
          :
        fi

        count=0
        while IFS= read -r line; do
          (( count++ ))
          echo "$line" | sed -e 's/#.*//' >> "$LOG_DIR/services.txt"
        done < <(printf '%s\n' "${SERVICES[@]}")

        backup_db() {
          local name=$1 stamp
          stamp=$(date +%Y%m%d%H%M%S)
          pg_dump --format=custom "$name" > "/var/backups/${name}-${stamp}.dump" \
            && log "backup of $name done" \
            || log "backup of $name failed"
        }

        backup_db "app_${ENVIRONMENT}" &
        wait

        kubectl --namespace "$ENVIRONMENT" apply -f - <<EOF
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: deploy-$(date +%s)
        data:
          region: "$REGION"
        EOF

        cat <<'NOTE' | tee -a "$LOG_DIR/notes"
        Literal $text with `backticks` and rm -rf / inside.
        NOTE

        ssh -o BatchMode=yes deploy@bastion "cd /srv/app && ./migrate.sh --env=$ENVIRONMENT"
        find "$LOG_DIR" -type f -name '*.tmp' -mtime +7 -exec rm -f {} \;
        sudo -E -u deploy env -i PATH=/usr/bin nohup timeout 30s ./restart.sh >/dev/null 2>&1 &
        result=`echo $(( count * 2 ))`
        echo "done: ${result} items, ${#SERVICES[@]} services" | tr '[:lower:]' '[:upper:]'
        exit 0

        """;
}
