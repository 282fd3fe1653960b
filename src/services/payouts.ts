/**
 * The payee's side of an in-app WeChat payout: WeChat Pay holds a merchant transfer until the payee accepts it
 * (payout state wait_user_confirm, with `payout.confirm` for the payee). The payee collects it with the wallet
 * (src/platform/pay confirmTransfer -> requestMerchantTransfer), then confirmPayout asks WeChat Pay for the final
 * state (docs/payments.md).
 */
import type { TransferView } from '@/api/payments'
import { confirmTransfer, type PayResult } from '@/platform/pay'
import { api } from '@/services/api'
import { newClientId } from '@/services/ids'
import type { Locale } from '@/i18n'

/**
 * Collects a payout: the wallet's confirmation, then confirmPayout. Returns the wallet's result and, when the
 * wallet accepted, the transfer as the function sees it afterwards.
 */
export async function collectPayout(
  groupId: string,
  transfer: TransferView,
  locale: Locale
): Promise<{ result: PayResult; transfer?: TransferView }> {
  const confirm = transfer.payout?.confirm
  if (!confirm) return { result: { status: 'failed' } }
  const result = await confirmTransfer(confirm, { locale })
  if (result.status !== 'paid') return { result }
  const out = await api('confirmPayout', { groupId, transferId: transfer.id, clientId: newClientId() })
  return { result, transfer: out.transfer }
}
