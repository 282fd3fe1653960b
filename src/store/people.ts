/** The people view's data (listPeople): loaded when the page shows, again on pull-down. */
import { useCallback, useState } from 'react'
import type { PersonView } from '@/api/actions'
import { api } from '@/services/api'

export function usePeople() {
  const [people, setPeople] = useState<PersonView[] | null>(null)
  const [failed, setFailed] = useState(false)
  const reload = useCallback(async () => {
    try {
      setPeople((await api('listPeople', {})).people)
      setFailed(false)
    } catch {
      setFailed(true)
    }
  }, [])
  return { people, failed, reload }
}
