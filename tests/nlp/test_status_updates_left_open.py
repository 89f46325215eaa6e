"""User stories: a status page's update that says its incident is not over, though the rules read it as over or read
no stage: the next update promised, a workaround offered ("Obejście: użyj prywatnego IP. Następna aktualizacja o
12:00", "Geçici çözüm olarak ..."), the watch kept on after Azure's "Mitigated" or a recovery ("Mitigato - ...
continuiamo a monitorare", "Nous constatons une reprise ... Nous continuons à surveiller"). The writers' brief:
Monitoring is ongoing, even where it says mitigated. The near misses: a resolved notice that keeps watching, or says
the workaround is no longer needed, is over."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source", [
    ("Mitigato - Azure SQL Database in Italy North: abbiamo eseguito il failover dei nodi interessati. Alcuni clienti "
     "potrebbero ancora vedere errori di accesso sporadici; continuiamo a monitorare.", "azure-status"),
    ("Cloud SQL (europe-central2): nowe połączenia kończą się błędem. Obejście: użyj prywatnego IP zamiast publicznego. "
     "Następna aktualizacja o 12:00.", "gcp-status"),
    ("[Güncelleme] EU-CENTRAL-1'de AWS Glue işleri kuyrukta bekliyor ve Athena sorguları zaman aşımına uğruyor. Geçici "
     "çözüm olarak işleri başka bir bölgede çalıştırabilirsiniz.", "aws-health"),
    ("Nous constatons une reprise : les créations de clusters EKS dans la région Europe (Paris) réussissent de nouveau. "
     "Nous continuons à surveiller.", "aws-health"),
    ("Aggiornamento delle 10:40: i pull da Artifact Registry in europe-west8 falliscono ancora in modo intermittente. "
     "Prossimo aggiornamento entro le 11:30.", "gcp-status"),
])
def test_a_status_update_that_says_its_incident_is_not_over_is_a_problem_now(rules, text, source):
    result = rules(text, source)
    assert result["relevant"] is True and result["ongoing"] is True


@pytest.mark.parametrize("text, source", [
    ("Resolved - The issue with Cloud SQL has been resolved for all affected users. We will continue to monitor.",
     "gcp-status"),
    ("Resolvido - A conectividade de rede para Droplets em São Paulo foi restabelecida. Seguimos monitorando, mas o "
     "problema está encerrado.", "statuspage:status.digitalocean.com"),
    ("Resolved - Card payments are processing normally again; the workaround is no longer needed.",
     "statuspage:status.stripe.com"),
])
def test_a_resolved_notice_that_keeps_watching_is_over(rules, text, source):
    result = rules(text, source)
    assert result["relevant"] is True and result["ongoing"] is False
